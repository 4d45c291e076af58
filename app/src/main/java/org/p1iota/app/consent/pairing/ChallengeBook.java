package org.p1iota.app.consent.pairing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.p1iota.app.consent.secrets.RandomTrytes;

/**
 * The device's open challenges: issues fresh random ones, hands each out for consumption once, and
 * forgets expired ones. Bounded, because anyone can send claims to a device's public inbox: when full,
 * the oldest open challenge is dropped (its claim then fails with UNKNOWN_CHALLENGE). Thread-safe.
 */
public final class ChallengeBook {

    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(10);
    public static final int DEFAULT_CAPACITY = 16;

    /** The result of consuming a claim's challenge. */
    public sealed interface Consumed {
        record Valid(PairingChallenge challenge) implements Consumed {
        }

        record Expired(PairingChallenge challenge) implements Consumed {
        }

        record Unknown() implements Consumed {
        }
    }

    private final SecureRandom random;
    private final Clock clock;
    private final Duration validity;
    private final int capacity;
    private final Map<String, PairingChallenge> open = new LinkedHashMap<>();

    public ChallengeBook(SecureRandom random, Clock clock, Duration validity, int capacity) {
        if (validity.isNegative() || validity.isZero() || capacity < 1) {
            throw new IllegalArgumentException("validity must be positive and capacity at least 1");
        }
        this.random = random;
        this.clock = clock;
        this.validity = validity;
        this.capacity = capacity;
    }

    public ChallengeBook(SecureRandom random, Clock clock) {
        this(random, clock, DEFAULT_VALIDITY, DEFAULT_CAPACITY);
    }

    /**
     * A fresh challenge for a claim: 80 random trytes and a final 9 (the form of version 1, where Kerl
     * ignored a block's last trit; kept). A repeated claim id replaces its earlier challenge, though
     * {@link DevicePairing} never issues two for one claim.
     */
    public synchronized PairingChallenge issue(String claimId, String replyTo) {
        Instant now = clock.instant();
        forgetExpired(now);
        open.remove(claimId);
        while (open.size() >= capacity) {
            Iterator<String> oldest = open.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        PairingChallenge challenge = new PairingChallenge(claimId, RandomTrytes.of(random, 80) + "9", replyTo, now,
                now.plus(validity));
        open.put(claimId, challenge);
        return challenge;
    }

    /** Takes a claim's challenge out of the book: whatever the outcome, it cannot be used again. */
    public synchronized Consumed consume(String claimId) {
        PairingChallenge challenge = open.remove(claimId);
        if (challenge == null) {
            return new Consumed.Unknown();
        }
        return challenge.expiredAt(clock.instant()) ? new Consumed.Expired(challenge) : new Consumed.Valid(challenge);
    }

    /** How long a challenge lives; also how long the device accepts a claim after it was made. */
    public Duration validity() {
        return validity;
    }

    public synchronized boolean isOpen(String claimId) {
        return open.containsKey(claimId);
    }

    public synchronized int openChallenges() {
        return open.size();
    }

    /** Expired challenges stay a while so a late answer gets CHALLENGE_EXPIRED rather than UNKNOWN. */
    private void forgetExpired(Instant now) {
        Instant cutoff = now.minus(validity);
        open.values().removeIf(c -> c.expiresAt().isBefore(cutoff));
    }
}
