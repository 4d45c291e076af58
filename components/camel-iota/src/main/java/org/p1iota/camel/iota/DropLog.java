package org.p1iota.camel.iota;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Counts what a consumer drops and logs it without letting a flood on a public address become a
 * flood in the log: the first {@value #FIRST} drops, then at most one line a minute with the count.
 */
final class DropLog {

    private static final int FIRST = 10;
    private static final long QUIET_NANOS = 60_000_000_000L;

    private final Logger log;
    private final String what;
    private final AtomicLong count = new AtomicLong();
    private volatile long lastLogged = System.nanoTime() - QUIET_NANOS;

    DropLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** Counts one drop; logs {@code detail} when the rate allows. */
    void dropped(String detail) {
        long n = count.incrementAndGet();
        long now = System.nanoTime();
        if (n <= FIRST || now - lastLogged >= QUIET_NANOS) {
            lastLogged = now;
            log.warn("{} ({} so far): {}", what, n, detail);
        }
    }

    long count() {
        return count.get();
    }
}
