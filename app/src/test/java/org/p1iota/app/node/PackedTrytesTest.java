package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PackedTrytesTest {

    @Test
    void packsThreeTrytesIntoTwoBytesAndBack() {
        Random random = new Random(7);
        StringBuilder trytes = new StringBuilder("9".repeat(3)).append("Z".repeat(3)).append("9AZ");
        while (trytes.length() < NodeTransaction.TRYTES) {
            trytes.append("9ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(random.nextInt(27)));
        }
        byte[] packed = PackedTrytes.pack(trytes.toString());
        assertThat(packed).hasSize(1782);
        assertThat(PackedTrytes.unpack(packed)).isEqualTo(trytes.toString());
    }
}
