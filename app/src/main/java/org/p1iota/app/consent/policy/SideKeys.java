package org.p1iota.app.consent.policy;

import java.security.SecureRandom;

import org.p1iota.app.consent.secrets.RandomTrytes;

/**
 * New side keys for the device's restricted data channel: 81 trytes from a SecureRandom (about 385
 * bits), where the 2018 original drew 10 trytes from Math.random.
 */
public final class SideKeys {

    public static final int LENGTH = 81;

    private final SecureRandom random;

    public SideKeys(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        return RandomTrytes.of(random, LENGTH);
    }
}
