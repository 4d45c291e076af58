package org.p1iota.iota.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.iota.jota.pow.ICurl;
import org.iota.jota.pow.SpongeFactory;
import org.iota.jota.utils.Converter;
import org.junit.jupiter.api.Test;

/** The bit-sliced transaction hash equals jota's Curl-P-81 in every lane, over more than one pass of 64. */
class TransactionHashesTest {

    static String randomTrytes(Random random, int length) {
        StringBuilder trytes = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            trytes.append("9ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(random.nextInt(27)));
        }
        return trytes.toString();
    }

    static String jotaHash(String transaction) {
        int[] trits = Converter.trits(transaction);
        int[] hash = new int[243];
        ICurl curl = SpongeFactory.create(SpongeFactory.Mode.CURL_P81);
        curl.absorb(trits, 0, trits.length);
        curl.squeeze(hash, 0, hash.length);
        return Converter.trytes(hash);
    }

    @Test
    void matchesJotasCurlP81ForEveryLane() {
        Random random = new Random(42);
        List<String> transactions = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            transactions.add(randomTrytes(random, TransactionHashes.TRANSACTION_TRYTES));
        }
        transactions.add("9".repeat(TransactionHashes.TRANSACTION_TRYTES));
        transactions.add("M".repeat(TransactionHashes.TRANSACTION_TRYTES));
        transactions.add("N".repeat(TransactionHashes.TRANSACTION_TRYTES));
        List<String> hashes = TransactionHashes.of(transactions);
        assertThat(hashes).hasSize(transactions.size());
        for (int i = 0; i < transactions.size(); i++) {
            assertThat(hashes.get(i)).as("transaction %d", i).isEqualTo(jotaHash(transactions.get(i)));
        }
        assertThat(TransactionHashes.of(transactions.get(7))).isEqualTo(jotaHash(transactions.get(7)));
    }

    @Test
    void refusesWhatIsNotATransaction() {
        assertThat(TransactionHashes.of(List.of())).isEmpty();
        assertThatThrownBy(() -> TransactionHashes.of("ABC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionHashes.of("a".repeat(TransactionHashes.TRANSACTION_TRYTES)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tryteValuesAreBalanced() {
        assertThat(TransactionHashes.tryteValue('9')).isZero();
        assertThat(TransactionHashes.tryteValue('A')).isEqualTo(1);
        assertThat(TransactionHashes.tryteValue('M')).isEqualTo(13);
        assertThat(TransactionHashes.tryteValue('N')).isEqualTo(-13);
        assertThat(TransactionHashes.tryteValue('Z')).isEqualTo(-1);
    }
}
