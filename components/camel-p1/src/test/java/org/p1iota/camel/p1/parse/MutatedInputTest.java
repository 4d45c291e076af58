package org.p1iota.camel.p1.parse;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.p1iota.camel.p1.SharedCorpus;
import org.p1iota.camel.p1.dataformat.TelegramJson;
import org.p1iota.camel.p1.frame.Crc16Arc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random damage to real telegrams (flipped, inserted, deleted bytes, any value 0..255), with the CRC
 * recomputed so the parser itself sees the damage: nothing may throw, no rejection may come from a
 * parser failure (an unexpected exception), and every accepted telegram must serialise to JSON.
 */
class MutatedInputTest {

    @Test
    void damagedTelegramsAreRejectedOrParsedNeverCrash() {
        String[] files = {"ndokter-telegram-v5.telegram", "dsmrreader-test-fluvius-with-peak-data.telegram",
                "ndokter-telegram-v2-2.telegram", "openhab-dsmr-50-austria.crlf.telegram", "openhab-ace4000.crlf.telegram"};
        Random random = new Random(2024);
        int accepted = 0;
        for (String file : files) {
            byte[] original = SharedCorpus.bytes(SharedCorpus.dsmr().resolve(file));
            for (int trial = 0; trial < 400; trial++) {
                byte[] damaged = withValidCrc(mutate(original, random));
                for (boolean lenient : new boolean[] {false, true}) {
                    Decoded decoded = Decoded.of(damaged, lenient);
                    assertThat(decoded.rejected).noneSatisfy(r -> assertThat(r.detail()).startsWith("parser failure"));
                    decoded.telegrams.forEach(t -> assertThat(TelegramJson.toJson(t)).startsWith("{"));
                    accepted += decoded.telegrams.size();
                }
            }
        }
        assertThat(accepted).as("some damage is harmless (e.g. inside a text value)").isPositive();
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            int at = 1 + random.nextInt(bytes.length - 8);
            switch (random.nextInt(3)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                default -> {
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                }
            }
        }
        return bytes;
    }

    /** Recomputes the CRC after the last "!" when the telegram has one, so damage reaches the parser. */
    private static byte[] withValidCrc(byte[] bytes) {
        int bang = -1;
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '!') {
                bang = i;
                break;
            }
        }
        if (bang < 0 || bang + 5 > bytes.length || !isHex(bytes[bang + 1])) {
            return bytes;
        }
        int start = 0;
        for (int i = bang; i >= 0; i--) {
            if (bytes[i] == '/') {
                start = i;
                break;
            }
        }
        String crc = String.format("%04X", Crc16Arc.of(bytes, start, bang + 1 - start));
        for (int i = 0; i < 4; i++) {
            bytes[bang + 1 + i] = (byte) crc.charAt(i);
        }
        return bytes;
    }

    private static boolean isHex(byte b) {
        return b >= '0' && b <= '9' || b >= 'A' && b <= 'F';
    }
}
