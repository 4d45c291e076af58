package org.p1iota.iota.pow;

import java.util.Random;

import org.iota.jota.pow.ICurl;
import org.iota.jota.pow.SpongeFactory;
import org.iota.jota.utils.Converter;

/** The independent side of the tests: jota's own Curl-P-81, and random transactions. */
final class JotaCurlCheck {

    static final String TRYTE_ALPHABET = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private JotaCurlCheck() {
    }

    /** The transaction hash as jota computes it: Curl-P-81 over all 8019 trits. */
    static int[] hashTrits(String transactionTrytes) {
        int[] trits = Converter.trits(transactionTrytes);
        ICurl curl = SpongeFactory.create(SpongeFactory.Mode.CURL_P81);
        curl.absorb(trits, 0, trits.length);
        int[] hash = new int[243];
        curl.squeeze(hash, 0, hash.length);
        return hash;
    }

    static int trailingZeroTrits(int[] hash) {
        int zeros = 0;
        for (int i = hash.length - 1; i >= 0 && hash[i] == 0; i--) {
            zeros++;
        }
        return zeros;
    }

    static String randomTrytes(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(TRYTE_ALPHABET.charAt(random.nextInt(TRYTE_ALPHABET.length())));
        }
        return text.toString();
    }

    static String randomTransaction(Random random) {
        return randomTrytes(random, TransactionTrytes.LENGTH);
    }
}
