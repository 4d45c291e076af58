package org.p1iota.app.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows down one client that guesses the household token, and only that client: after
 * {@link #FREE_FAILURES} wrong tokens in a row each further one makes the client wait twice as long
 * before its next try (1 s, 2 s, 4 s … at most {@link #MAX_DELAY}). A right token clears the
 * client's record; a client quiet for {@link #QUIET} is forgotten. The household's own browser is
 * another client and logs in at once whatever a guesser does.
 * <p>
 * A client is the connection's remote address (a proxy header is never believed: anyone can send
 * one); IPv6 clients count per /64, the block one line usually gets. At most {@link #MAX_CLIENTS}
 * clients are remembered, the least recently seen going first, so many source addresses cost
 * bounded memory; whoever gets evicted that way only regains its free tries.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration QUIET = Duration.ofHours(1);
    static final int MAX_CLIENTS = 10_000;

    private static final class Record {
        int failures;
        Instant lastSeen;
        Instant waitUntil = Instant.MIN;
    }

    private final Clock clock;
    /** Access order: the eldest entry is the client seen least recently. */
    private final LinkedHashMap<String, Record> clients = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    public LoginThrottle(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How long {@code client} must still wait before its next login is looked at, if at all. */
    public synchronized Optional<Duration> waitFor(String client) {
        Instant now = clock.instant();
        forgetQuiet(now);
        Record record = clients.get(key(client));
        if (record == null || !now.isBefore(record.waitUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, record.waitUntil));
    }

    /** A wrong token from {@code client}: past the free tries, it waits twice as long as last time. */
    public synchronized void failed(String client) {
        Instant now = clock.instant();
        Record record = clients.computeIfAbsent(key(client), k -> new Record());
        record.failures++;
        record.lastSeen = now;
        if (record.failures >= FREE_FAILURES) {
            record.waitUntil = now.plus(delayAfter(record.failures));
        }
    }

    /** The right token from {@code client}: its record is cleared. */
    public synchronized void succeeded(String client) {
        clients.remove(key(client));
    }

    /** The wait after {@code failures} wrong tokens in a row (at least {@link #FREE_FAILURES}). */
    static Duration delayAfter(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 30);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    synchronized int remembered() {
        return clients.size();
    }

    private void forgetQuiet(Instant now) {
        // the eldest entries were seen least recently: stop at the first one still of interest
        Iterator<Record> eldestFirst = clients.values().iterator();
        while (eldestFirst.hasNext()) {
            Record record = eldestFirst.next();
            Instant quietSince = record.waitUntil.isAfter(record.lastSeen) ? record.waitUntil : record.lastSeen;
            if (now.isBefore(quietSince.plus(QUIET))) {
                return;
            }
            eldestFirst.remove();
        }
    }

    /** IPv4 addresses as they are, IPv6 ones by their /64; anything else (no address) as given. */
    static String key(String address) {
        if (address == null || address.isEmpty()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal (no lookup happens for one); Jetty may bracket it
            byte[] bytes = InetAddress.getByName(address.replace("[", "").replace("]", "")).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
