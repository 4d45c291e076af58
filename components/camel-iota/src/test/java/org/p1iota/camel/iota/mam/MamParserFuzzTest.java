package org.p1iota.iota.mam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Whatever it is given, the parser ends in a result or a {@link MamException}: never an unchecked
 * exception, a stack overflow or a hang. Random, truncated and mutated payloads of real messages.
 */
class MamParserFuzzTest {

    private final Random random = new Random(4711);

    @Test
    void anyInputEndsInAResultOrAMamException() throws MamException {
        MamChannel channel = new MamChannel(ChannelState.of(trytes(81, Trits.ALPHABET), MamMode.RESTRICTED, "FUZZ", 2, 0, 0, 2, 2));
        CreatedMessage created = channel.create(trytes(300, Trits.ALPHABET));
        String valid = created.payload();
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int accepted = 0;
            for (int round = 0; round < 1500; round++) {
                String input = mutate(valid, round);
                try {
                    MamMessage parsed = MamParser.parse(input, created.root(), "FUZZ");
                    assertThat(parsed.message()).isEqualTo(created.message());
                    accepted++;
                } catch (MamException expected) {
                    assertThat(expected.reason()).isNotNull();
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
            // the unchanged payload and its extensions are the only ones that verify
            assertThat(accepted).isPositive();
        });
    }

    private String mutate(String valid, int round) {
        switch (round % 8) {
            case 0:
                return valid.substring(0, random.nextInt(valid.length() + 1));
            case 1: {
                char[] chars = valid.toCharArray();
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    chars[random.nextInt(chars.length)] = Trits.ALPHABET.charAt(random.nextInt(27));
                }
                return new String(chars);
            }
            case 2:
                return trytes(random.nextInt(6000), Trits.ALPHABET);
            case 3:
                return "9".repeat(random.nextInt(5000));
            case 4:
                // long non-terminating or huge length fields at the front
                return trytes(1 + random.nextInt(40), "NOPQRSTUVWXYZ9") + trytes(random.nextInt(3000), Trits.ALPHABET);
            case 5:
                return trytes(random.nextInt(100), "abcxyz!-9AZ \n");
            case 6:
                return valid + trytes(random.nextInt(3000), Trits.ALPHABET);
            default:
                return valid.substring(0, 2) + trytes(random.nextInt(20), Trits.ALPHABET) + valid.substring(2);
        }
    }

    private String trytes(int length, String alphabet) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @Test
    void hugeTrailingDataIsIgnoredWithoutReadingIt() throws MamException {
        MamChannel channel = new MamChannel(ChannelState.initial(trytes(81, Trits.ALPHABET), MamMode.PUBLIC, null, 1));
        CreatedMessage created = channel.create("HUGE");
        String padded = created.payload() + "9".repeat(3 * MamParser.MAX_READ_TRYTES);
        assertThat(MamParser.parse(padded, created.root(), null).message()).isEqualTo("HUGE");
    }

    @Test
    void rootAndKeyAreChecked() {
        Assertions.assertThrows(MamException.class, () -> MamParser.parse("ABC", "SHORT", null));
        Assertions.assertThrows(MamException.class, () -> MamParser.parse("ABC", "9".repeat(81), "x"));
        Assertions.assertThrows(MamException.class, () -> MamParser.parse(null, "9".repeat(81), null));
    }
}
