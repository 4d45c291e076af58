package org.p1iota.camel.iota;

/**
 * The trytes of a message read from the tangle are not what {@link MessageFormat#TEXT} writes (pairs
 * of trytes that are no byte): anyone can write any trytes to any address. Consumers drop such a
 * message and count it; it never reaches the route.
 */
public final class UndecodableMessageException extends Exception {

    public UndecodableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
