package org.p1iota.app.consent.secrets;

import java.security.SecureRandom;

/** Random trytes from a SecureRandom, without modulo bias (27 values drawn uniformly). */
public final class RandomTrytes {

    private static final String TRYTES = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private RandomTrytes() {
    }

    public static String of(SecureRandom random, int length) {
        StringBuilder trytes = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            trytes.append(TRYTES.charAt(random.nextInt(TRYTES.length())));
        }
        return trytes.toString();
    }
}
