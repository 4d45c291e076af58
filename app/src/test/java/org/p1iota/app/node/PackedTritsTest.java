package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.iota.jota.utils.Converter;
import org.junit.jupiter.api.Test;

class PackedTritsTest {

    @Test
    void packsFiveTritsIntoAByteAndBack() {
        String trytes = randomTrytes(new Random(11), NodeTransaction.TRYTES, "9".repeat(5) + "M".repeat(5) + "N".repeat(5) + "Z9AMN");
        byte[] packed = PackedTrits.pack(trytes);
        assertThat(packed).hasSize(1604);
        assertThat(PackedTrits.unpack(packed, trytes.length())).isEqualTo(trytes);
        assertThat(PackedTrits.pack(NodeTransaction.NULL_HASH.replace('9', 'Z'))).hasSize(49);
    }

    @Test
    void packsTheSameTritsJotaReads() {
        String trytes = randomTrytes(new Random(3), 81, "");
        int[] trits = Converter.trits(trytes);
        byte[] packed = PackedTrits.pack(trytes);
        for (int i = 0; i < trits.length; i++) {
            int stored = (packed[i / 5] & 0xff) / (int) Math.pow(3, i % 5) % 3 - 1;
            assertThat(stored).as("trit %d", i).isEqualTo(trits[i]);
        }
    }

    @Test
    void aRowGivesBackTheTransactionsTrytes() throws Exception {
        String trytes = TestTransactions.attachedMany(1, TestTransactions.tag("ROW"), 1).get(0);
        NodeTransaction t = NodeTransaction.parse(trytes);
        TransactionRow row = TransactionRow.of(t);
        assertThat(row.obsoleteTag()).isNull();
        assertThat(row.trytes()).isEqualTo(trytes);
        assertThat(row.rest()).hasSize(TransactionRow.REST_BYTES);

        String otherObsoleteTag = trytes.substring(0, 2295) + "OBSOLETE" + trytes.substring(2303);
        NodeTransaction withObsolete = NodeTransaction.stored(otherObsoleteTag, t.hash());
        assertThat(TransactionRow.of(withObsolete).obsoleteTag()).isNotNull();
        assertThat(TransactionRow.of(withObsolete).trytes()).isEqualTo(otherObsoleteTag);
    }

    private static String randomTrytes(Random random, int length, String start) {
        StringBuilder trytes = new StringBuilder(start);
        while (trytes.length() < length) {
            trytes.append("9ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(random.nextInt(27)));
        }
        return trytes.toString();
    }
}
