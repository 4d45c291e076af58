package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.iota.jota.pow.ICurl;
import org.iota.jota.pow.SpongeFactory;
import org.iota.jota.utils.Converter;
import org.junit.jupiter.api.Test;

/** The bit-sliced hash equals jota's Curl-P-81, lane by lane, for more than one pass of 64. */
class BatchCurlTest {

    @Test
    void matchesJotasCurlForEveryLane() throws Exception {
        Random random = new Random(42);
        List<String> transactions = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            StringBuilder trytes = new StringBuilder();
            for (int t = 0; t < NodeTransaction.TRYTES; t++) {
                trytes.append("9ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(random.nextInt(27)));
            }
            transactions.add(trytes.toString());
        }
        transactions.add(NodeTransaction.EMPTY_TRYTES);
        transactions.add(TestTransactions.attached(TestTransactions.ADDRESS, TestTransactions.tag("CURL"), "curl", 5));
        List<int[]> hashes = BatchCurl.hash(transactions.stream().map(Converter::trits).toList());
        for (int i = 0; i < transactions.size(); i++) {
            int[] trits = Converter.trits(transactions.get(i));
            int[] expected = new int[243];
            ICurl curl = SpongeFactory.create(SpongeFactory.Mode.CURL_P81);
            curl.absorb(trits, 0, trits.length);
            curl.squeeze(expected, 0, expected.length);
            assertThat(Converter.trytes(hashes.get(i))).as("transaction %d", i).isEqualTo(Converter.trytes(expected));
        }
    }
}
