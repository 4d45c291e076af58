package org.p1iota.camel.iota.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The channels an {@code iota-mam:} consumer follows and how far it got in each, on disk (0600, it holds
 * side keys) so that a restarted consumer resumes at the last consumed root. Every change is written
 * atomically before the method returns. Shared by the consumer and by producers of the same endpoint
 * name, which add subscriptions and replace side keys at run time.
 */
public final class FollowBook implements Subscriptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

    private FollowBook(Path file) {
        this.file = file;
    }

    public static FollowBook open(Path file) throws IOException {
        FollowBook book = new FollowBook(file);
        if (Files.exists(file)) {
            List<Subscription> stored = JSON.readValue(file.toFile(), new TypeReference<List<Subscription>>() { });
            for (Subscription subscription : stored) {
                book.subscriptions.put(subscription.id(), subscription);
            }
        }
        return book;
    }

    @Override
    public synchronized List<Subscription> all() {
        return new ArrayList<>(subscriptions.values());
    }

    @Override
    public synchronized Optional<Subscription> get(String id) {
        return Optional.ofNullable(subscriptions.get(id));
    }

    /** Adds a subscription, or replaces the one with the same id (following from a new root). */
    @Override
    public synchronized void put(Subscription subscription) {
        Subscription previous = subscriptions.put(subscription.id(), subscription);
        persist(() -> restore(subscription.id(), previous));
    }

    /** Adds the subscription only when none with its id exists (an endpoint's configured start root). */
    @Override
    public synchronized boolean putIfAbsent(Subscription subscription) {
        if (subscriptions.containsKey(subscription.id())) {
            return false;
        }
        put(subscription);
        return true;
    }

    @Override
    public synchronized void remove(String id) {
        Subscription previous = subscriptions.remove(id);
        if (previous != null) {
            persist(() -> subscriptions.put(id, previous));
        }
    }

    /** Moves a subscription to the root of its next message, after the current one was processed. */
    @Override
    public synchronized void advance(String id, String expectedRoot, String nextRoot) {
        Subscription current = subscriptions.get(id);
        if (current != null && current.root().equals(expectedRoot)) {
            put(current.withRoot(nextRoot));
        }
    }

    @Override
    public synchronized void changeSideKey(String id, String sideKey) {
        Subscription current = subscriptions.get(id);
        if (current == null) {
            throw new IllegalArgumentException("no subscription '" + id + "' to change the side key of");
        }
        put(current.withSideKey(sideKey));
    }

    private void restore(String id, Subscription previous) {
        if (previous == null) {
            subscriptions.remove(id);
        } else {
            subscriptions.put(id, previous);
        }
    }

    private void persist(Runnable undo) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(new ArrayList<>(subscriptions.values())));
        } catch (IOException e) {
            undo.run();
            throw new UncheckedIOException("cannot save subscriptions to " + file, e);
        }
    }
}
