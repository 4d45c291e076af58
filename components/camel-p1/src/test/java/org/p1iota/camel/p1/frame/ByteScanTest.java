package org.p1iota.camel.p1.frame;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The eight-at-a-time search finds exactly what a byte-by-byte search finds, wherever it starts and stops. */
class ByteScanTest {

    /** Bytes next to the targets in value, and the ones that carry or borrow in the bit trick. */
    private static final byte[] ALPHABET = {'/', '.', '0', '!', ' ', ')', '(', '*', '\r', '\n', 0, 1, (byte) 0x80, (byte) 0xFF,
            (byte) 0xA9, (byte) 0xAF};

    @Test
    void indexOfMatchesANaiveSearch() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            byte[] data = randomBytes(random, 1 + random.nextInt(40));
            for (byte target : new byte[] {'/', ')', 0, (byte) 0x80}) {
                for (int from = 0; from <= data.length; from++) {
                    for (int to = from; to <= data.length; to++) {
                        assertThat(ByteScan.indexOf(data, from, to, target)).isEqualTo(naive(data, from, to, target, target));
                    }
                }
            }
        }
    }

    @Test
    void indexOfEitherMatchesANaiveSearch() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            byte[] data = randomBytes(random, 1 + random.nextInt(40));
            for (int from = 0; from <= data.length; from++) {
                for (int to = from; to <= data.length; to++) {
                    assertThat(ByteScan.indexOfEither(data, from, to, (byte) '/', (byte) '!'))
                            .isEqualTo(naive(data, from, to, (byte) '/', (byte) '!'));
                    assertThat(ByteScan.indexOfEither(data, from, to, (byte) '\r', (byte) '\n'))
                            .isEqualTo(naive(data, from, to, (byte) '\r', (byte) '\n'));
                }
            }
        }
    }

    @Test
    void containsEitherSeesEachBytePosition() {
        long slash = ByteScan.pattern((byte) '/');
        long bang = ByteScan.pattern((byte) '!');
        for (int position = 0; position < 8; position++) {
            byte[] word = "01234567".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(ByteScan.containsEither(ByteScan.word(word, 0), slash, bang)).isFalse();
            word[position] = '!';
            assertThat(ByteScan.containsEither(ByteScan.word(word, 0), slash, bang)).isTrue();
        }
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return data;
    }

    private static int naive(byte[] data, int from, int to, byte first, byte second) {
        for (int i = from; i < to; i++) {
            if (data[i] == first || data[i] == second) {
                return i;
            }
        }
        return to;
    }
}
