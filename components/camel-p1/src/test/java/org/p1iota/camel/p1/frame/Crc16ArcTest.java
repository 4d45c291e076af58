package org.p1iota.camel.p1.frame;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Crc16ArcTest {

    @Test
    void checkValueOfTheCatalogue() {
        // CRC-16/ARC check value over "123456789" (Greg Cook's CRC catalogue)
        assertThat(Crc16Arc.of("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9)).isEqualTo(0xBB3D);
    }

    @Test
    void slicingByEightEqualsByteByByteForAnyLengthAndStart() {
        Random random = new Random(42);
        byte[] data = new byte[300];
        random.nextBytes(data);
        for (int offset = 0; offset < 9; offset++) {
            for (int length = 0; length < 280; length += 7) {
                int bytewise = 0x1234;
                for (int i = offset; i < offset + length; i++) {
                    bytewise = Crc16Arc.update(bytewise, data[i]);
                }
                assertThat(Crc16Arc.update(0x1234, data, offset, length)).isEqualTo(bytewise);
            }
        }
    }

    @Test
    void eightBytesAsOneWordEqualEightBytes() {
        Random random = new Random(6);
        byte[] data = new byte[8];
        for (int trial = 0; trial < 200; trial++) {
            random.nextBytes(data);
            int crc = random.nextInt(1 << 16);
            int bytewise = crc;
            for (byte b : data) {
                bytewise = Crc16Arc.update(bytewise, b);
            }
            assertThat(Crc16Arc.update8(crc, ByteScan.word(data, 0))).isEqualTo(bytewise);
        }
    }
}
