package org.p1iota.app.consent.secrets;

import java.security.SecureRandom;

/** An IOTA seed: 81 trytes from a SecureRandom. {@link #toString()} hides it. */
public final class Seed {

    public static final int LENGTH = 81;

    private final String trytes;

    private Seed(String trytes) {
        this.trytes = trytes;
    }

    public static Seed generate(SecureRandom random) {
        return new Seed(RandomTrytes.of(random, LENGTH));
    }

    /** @throws IllegalArgumentException naming the problem, never the seed */
    public static Seed of(String trytes) {
        if (trytes == null || trytes.length() != LENGTH || !trytes.matches("[9A-Z]+")) {
            throw new IllegalArgumentException("a seed is " + LENGTH + " trytes (9, A-Z)");
        }
        return new Seed(trytes);
    }

    /** The seed itself, for jota and key derivation; never print it. */
    public String trytes() {
        return trytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Seed seed && java.security.MessageDigest.isEqual(
                trytes.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                seed.trytes.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return 0x5eed;
    }

    @Override
    public String toString() {
        return "Seed[hidden]";
    }
}
