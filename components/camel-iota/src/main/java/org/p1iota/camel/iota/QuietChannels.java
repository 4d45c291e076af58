package org.p1iota.camel.iota;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * When each followed channel is asked again: at once while it has messages, and after a wait that
 * doubles with every empty read (from the poll delay up to {@code maxQuietDelay}) while it is quiet.
 * Only the consumer's poll thread uses it. Times are {@link System#nanoTime()} values.
 */
final class QuietChannels {

    private record Quiet(int emptyReads, long dueAt) {
    }

    private final long baseNanos;
    private final long maxNanos;
    private final Map<String, Quiet> quiet = new HashMap<>();

    QuietChannels(long baseMillis, long maxMillis) {
        this.baseNanos = Math.max(1, baseMillis) * 1_000_000L;
        this.maxNanos = Math.max(baseMillis, maxMillis) * 1_000_000L;
    }

    boolean isDue(String id, long now) {
        Quiet q = quiet.get(id);
        return q == null || now - q.dueAt() >= 0;
    }

    /** The channel had nothing new: wait longer before the next read. */
    void empty(String id, long now) {
        Quiet previous = quiet.get(id);
        int reads = previous == null ? 1 : Math.min(previous.emptyReads() + 1, 30);
        long wait = Math.min(maxNanos, baseNanos << Math.min(reads - 1, 20));
        quiet.put(id, new Quiet(reads, now + wait - baseNanos)); // the poll delay itself comes on top
    }

    /** The channel had a message: read it again on every poll. */
    void active(String id) {
        quiet.remove(id);
    }

    /** Forgets channels no longer followed (unsubscribed, or now in another shard). */
    void retain(Set<String> followed) {
        quiet.keySet().retainAll(followed);
    }

    int quietCount() {
        return quiet.size();
    }
}
