package org.p1iota.app.myhome;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps two messages to the same address out of the same second. A zero-value bundle's hash covers
 * address, tag, timestamp (whole seconds) and indexes but not the message, so two one-transaction
 * messages to one address within a second share a bundle hash, and the {@code iota:} consumer, which
 * groups transactions and remembers what it emitted by bundle hash, loses the second one. Until the
 * component makes each bundle's essence unique, senders wait for the next second. Sends run one at a
 * time here (proof of work uses every core anyway).
 */
final class DistinctSeconds {

    /** A send that may fail; the caller's own exception passes through. */
    interface Send<T, E extends Exception> {
        T run() throws E;
    }

    private final Map<String, Long> lastSecond = new HashMap<>();

    synchronized <T, E extends Exception> T send(String address, Send<T, E> send) throws E, InterruptedException {
        Long last = lastSecond.get(address);
        if (last != null) {
            long wait = (last + 1) * 1000 - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
        try {
            return send.run();
        } finally {
            // the bundle's timestamp was taken during the send, so no later than now
            lastSecond.put(address, System.currentTimeMillis() / 1000);
            if (lastSecond.size() > 1024) {
                lastSecond.clear();
            }
        }
    }
}
