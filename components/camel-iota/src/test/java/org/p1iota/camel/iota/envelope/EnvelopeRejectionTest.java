package org.p1iota.iota.envelope;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.p1iota.iota.envelope.EnvelopeException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Envelopes come from the public tangle: whatever is altered, cut or made up must end in an
 * {@link EnvelopeException} with a reason, never in a plaintext and never in an unchecked exception
 * (which would escape these helpers and fail the test).
 */
class EnvelopeRejectionTest {

    private static final byte[] SECRET = "THE9NEXT9ROOT9AND9SIDE9KEY".repeat(6).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Map<EnvelopeScheme, EnvelopeKeyPair> RECIPIENTS = new EnumMap<>(EnvelopeScheme.class);

    private final Random random = new Random(42);

    private static EnvelopeKeyPair recipient(EnvelopeScheme scheme) {
        return RECIPIENTS.computeIfAbsent(scheme, EnvelopeKeys::generate);
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void flippingAnyBitOfAnyByteIsDetected(EnvelopeScheme scheme) throws Exception {
        byte[] bytes = KeyEnvelopes.seal(recipient(scheme).publicKey(), SECRET).toBytes();
        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= (byte) (1 << random.nextInt(8));
            Reason reason = refusal(scheme, tampered);
            if (i >= EnvelopeFormat.HEADER_LENGTH) {
                assertThat(reason).as("byte %d", i).isEqualTo(Reason.AUTHENTICATION_FAILED);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void everyHeaderFieldIsChecked(EnvelopeScheme scheme) throws Exception {
        byte[] bytes = KeyEnvelopes.seal(recipient(scheme).publicKey(), SECRET).toBytes();
        assertThat(refusal(scheme, with(bytes, 0, 2))).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(refusal(scheme, with(bytes, 0, 0))).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(refusal(scheme, with(bytes, 1, 0))).isEqualTo(Reason.UNKNOWN_SCHEME);
        assertThat(refusal(scheme, with(bytes, 1, 0xff))).isEqualTo(Reason.UNKNOWN_SCHEME);
        EnvelopeScheme other = scheme == EnvelopeScheme.ML_KEM_768 ? EnvelopeScheme.NTRU_HPS_2048_677 : EnvelopeScheme.ML_KEM_768;
        assertThat(refusal(scheme, with(bytes, 1, other.id()))).isEqualTo(Reason.MALFORMED); // other KEM length
        assertThat(refusal(scheme, with(bytes, 2, 0xff))).isEqualTo(Reason.MALFORMED);
        assertThat(refusal(scheme, with(bytes, 3, 0))).isEqualTo(Reason.MALFORMED);
        // the tryte form reads the same header first
        assertThat(refusalOfTrytes(scheme, DenseTrytes.encode(with(bytes, 0, 2)))).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(refusalOfTrytes(scheme, DenseTrytes.encode(with(bytes, 1, 0x7f)))).isEqualTo(Reason.UNKNOWN_SCHEME);
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void changingAnyTryteIsDetected(EnvelopeScheme scheme) throws Exception {
        String trytes = KeyEnvelopes.seal(recipient(scheme).publicKey(), SECRET).toTrytes();
        for (int i = 0; i < trytes.length(); i++) {
            char[] tampered = trytes.toCharArray();
            tampered[i] = DenseTrytes.ALPHABET.charAt((DenseTrytes.digit(tampered[i], i) + 1 + random.nextInt(26)) % 27);
            refusalOfTrytes(scheme, new String(tampered));
        }
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void truncatedOrExtendedEnvelopesAreMalformed(EnvelopeScheme scheme) throws Exception {
        Envelope envelope = KeyEnvelopes.seal(recipient(scheme).publicKey(), SECRET);
        byte[] bytes = envelope.toBytes();
        for (int length = 0; length < bytes.length; length++) {
            assertThat(refusal(scheme, Arrays.copyOf(bytes, length))).as("%d bytes", length).isIn(
                    Reason.MALFORMED, Reason.UNSUPPORTED_VERSION);
        }
        assertThat(refusal(scheme, Arrays.copyOf(bytes, bytes.length + 1))).isEqualTo(Reason.MALFORMED);

        String trytes = envelope.toTrytes();
        for (int length = 0; length < trytes.length(); length += 1 + random.nextInt(40)) {
            refusalOfTrytes(scheme, trytes.substring(0, length));
        }
        assertThat(refusalOfTrytes(scheme, trytes + "A")).isEqualTo(Reason.MALFORMED);
        assertThat(refusalOfTrytes(scheme, trytes + "9".repeat(30) + "A")).isEqualTo(Reason.MALFORMED);
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void envelopesForSomeoneElseAreRefused(EnvelopeScheme scheme) throws Exception {
        Envelope envelope = KeyEnvelopes.seal(recipient(scheme).publicKey(), SECRET);
        EnvelopeKeyPair stranger = EnvelopeKeys.generate(scheme);
        assertThat(reasonOpening(stranger, envelope)).isEqualTo(Reason.AUTHENTICATION_FAILED);
        for (EnvelopeScheme other : EnvelopeScheme.values()) {
            if (other != scheme) {
                assertThat(reasonOpening(recipient(other), envelope)).isEqualTo(Reason.SCHEME_MISMATCH);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void wellFramedRandomBodiesAreRefused(EnvelopeScheme scheme) throws Exception {
        for (int i = 0; i < 200; i++) {
            int plaintextLength = random.nextInt(400);
            byte[] bytes = new byte[scheme.envelopeBytes(plaintextLength)];
            random.nextBytes(bytes);
            System.arraycopy(EnvelopeFormat.header(scheme, plaintextLength + EnvelopeFormat.TAG_LENGTH), 0, bytes, 0, 4);
            assertThat(refusal(scheme, bytes)).isEqualTo(Reason.AUTHENTICATION_FAILED);
        }
    }

    @Test
    void randomGarbageIsRefused() throws Exception {
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = new byte[random.nextInt(2500)];
            random.nextBytes(bytes);
            if (i % 3 == 0 && bytes.length > 1) {
                bytes[0] = EnvelopeFormat.VERSION; // get past the first check more often
            }
            refusal(EnvelopeScheme.values()[i % 2], bytes);

            StringBuilder trytes = new StringBuilder();
            int length = random.nextInt(2500);
            String alphabet = i % 10 == 0 ? DenseTrytes.ALPHABET + "az0- \n" : DenseTrytes.ALPHABET;
            for (int j = 0; j < length; j++) {
                trytes.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            refusalOfTrytes(EnvelopeScheme.values()[i % 2], trytes.toString());
        }
    }

    private static byte[] with(byte[] bytes, int index, int value) {
        byte[] changed = bytes.clone();
        changed[index] = (byte) value;
        return changed;
    }

    /** Reads and opens the bytes, expecting a refusal, and returns its reason. */
    private static Reason refusal(EnvelopeScheme scheme, byte[] bytes) {
        try {
            KeyEnvelopes.open(recipient(scheme), Envelope.fromBytes(bytes));
        } catch (EnvelopeException e) {
            return e.reason();
        }
        return fail("opened an envelope that should have been refused");
    }

    private static Reason refusalOfTrytes(EnvelopeScheme scheme, String trytes) {
        try {
            KeyEnvelopes.open(recipient(scheme), Envelope.fromTrytes(trytes));
        } catch (EnvelopeException e) {
            return e.reason();
        }
        return fail("opened an envelope that should have been refused");
    }

    private static Reason reasonOpening(EnvelopeKeyPair keyPair, Envelope envelope) {
        try {
            KeyEnvelopes.open(keyPair, envelope);
        } catch (EnvelopeException e) {
            return e.reason();
        }
        return fail("a stranger opened the envelope");
    }
}
