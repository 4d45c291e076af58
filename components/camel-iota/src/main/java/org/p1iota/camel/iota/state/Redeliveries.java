package org.p1iota.camel.iota.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often a consumer's route has failed on each message it still holds, so that a message the route
 * always fails on is given up after {@code 1 + maxRedeliveries} attempts instead of holding every later
 * message back for ever. Kept in memory only: after a restart a failing message gets its attempts again
 * (bounded still), while one that was given up is recorded as handled on disk by the consumer.
 */
public final class Redeliveries {

    /** Only the message at the head of each stream is ever held; this bounds a misuse, not normal work. */
    private static final int REMEMBERED = 10_000;

    private final int maxRedeliveries;
    private final Map<String, Integer> failures = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @param maxRedeliveries attempts after the first; -1 retries for ever (a poison message then blocks) */
    public Redeliveries(int maxRedeliveries) {
        if (maxRedeliveries < -1) {
            throw new IllegalArgumentException("maxRedeliveries must be -1 (for ever), 0 or more: " + maxRedeliveries);
        }
        this.maxRedeliveries = maxRedeliveries;
    }

    /** Failures so far of this message (0 on its first attempt). */
    public synchronized int failuresOf(String message) {
        return failures.getOrDefault(message, 0);
    }

    /**
     * Records one more failure.
     *
     * @return true when the message must be given up (it has had {@code 1 + maxRedeliveries} attempts)
     */
    public synchronized boolean failed(String message) {
        int count = failures.merge(message, 1, Integer::sum);
        if (maxRedeliveries >= 0 && count > maxRedeliveries) {
            failures.remove(message);
            return true;
        }
        return false;
    }

    public synchronized void succeeded(String message) {
        failures.remove(message);
    }

    public int maxRedeliveries() {
        return maxRedeliveries;
    }
}
