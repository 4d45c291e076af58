package org.p1iota.app.consent.message;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * What an inbox bean drops (unreadable, oversized, unexpected, unknown claim...), counted, and logged
 * so that a flood on a public inbox does not become a flood in the log: the first ten drops, then at
 * most one line a minute with the count. Thread-safe.
 */
public final class InboxDrops {

    private static final int FIRST = 10;
    private static final long QUIET_NANOS = 60_000_000_000L;

    private final Logger log;
    private final String inbox;
    private final AtomicLong count = new AtomicLong();
    private volatile long lastLogged = System.nanoTime() - QUIET_NANOS;

    /** @param inbox names the inbox in the log, e.g. "My Home's inbox" */
    public InboxDrops(Logger log, String inbox) {
        this.log = log;
        this.inbox = inbox;
    }

    public void dropped(String why) {
        long n = count.incrementAndGet();
        long now = System.nanoTime();
        if (n <= FIRST || now - lastLogged >= QUIET_NANOS) {
            lastLogged = now;
            log.info("Dropped a message on {} ({} so far): {}", inbox, n, why);
        }
    }

    public long count() {
        return count.get();
    }
}
