package org.p1iota.camel.iota.state;

import java.util.List;
import java.util.Optional;

/**
 * The channels an {@code iota-mam:} consumer follows and the root each one is at. {@link FollowBook}
 * keeps them in a file beside the route; an application whose instances share the followed channels
 * gives the endpoint its own implementation (option {@code subscriptions}), e.g. a table in a shared
 * database, so that another instance continues a channel where the last one stopped. Every change must
 * be durable when the method returns.
 */
public interface Subscriptions {

    List<Subscription> all();

    Optional<Subscription> get(String id);

    /** Adds a subscription, or replaces the one with the same id (following from a new root). */
    void put(Subscription subscription);

    /** Adds the subscription only when none with its id exists; true when it was added. */
    boolean putIfAbsent(Subscription subscription);

    void remove(String id);

    /**
     * Moves a subscription to the root of its next message, after the current one was processed; does
     * nothing unless it is still at {@code expectedRoot} (another reader, or a re-subscription, moved it).
     */
    void advance(String id, String expectedRoot, String nextRoot);

    /** @throws IllegalArgumentException when there is no such subscription */
    void changeSideKey(String id, String sideKey);
}
