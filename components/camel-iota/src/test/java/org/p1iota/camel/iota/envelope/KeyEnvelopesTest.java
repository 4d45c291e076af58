package org.p1iota.iota.envelope;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.p1iota.iota.envelope.EnvelopeException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyEnvelopesTest {

    /** What a MAM_DATA or KEY_ROTATION carries: a next root and a side key, 81 trytes each. */
    private static final byte[] ROOT_AND_SIDE_KEY = ("NEXTROOT9" + "A".repeat(72) + "SIDEKEY99" + "B".repeat(72))
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void sealedSecretsOpenThroughBytesAndTrytes(EnvelopeScheme scheme) throws Exception {
        EnvelopeKeyPair recipient = EnvelopeKeys.generate(scheme);
        SecureRandom random = new SecureRandom();
        for (int length : new int[] {0, 1, 15, 16, 17, 162, scheme.maxPlaintextIn(1), scheme.maxPlaintextIn(2), 4096}) {
            byte[] plaintext = new byte[length];
            random.nextBytes(plaintext);
            Envelope envelope = KeyEnvelopes.seal(recipient.publicKey(), plaintext);

            assertThat(envelope.scheme()).isEqualTo(scheme);
            assertThat(envelope.toBytes()).hasSize(scheme.envelopeBytes(length));
            assertThat(envelope.toTrytes()).hasSize(scheme.envelopeTrytes(length));
            assertThat(KeyEnvelopes.open(recipient, envelope)).isEqualTo(plaintext);
            assertThat(KeyEnvelopes.open(recipient, Envelope.fromBytes(envelope.toBytes()))).isEqualTo(plaintext);
            assertThat(KeyEnvelopes.open(recipient, Envelope.fromTrytes(envelope.toTrytes()))).isEqualTo(plaintext);
        }
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void aSecretPairFitsOneTransactionAsDocumented(EnvelopeScheme scheme) throws Exception {
        Envelope envelope = KeyEnvelopes.seal(EnvelopeKeys.generate(scheme).publicKey(), ROOT_AND_SIDE_KEY);
        assertThat(envelope.transactions()).isEqualTo(1);
        int max = scheme.maxPlaintextIn(1);
        assertThat(scheme.envelopeTrytes(max)).isLessThanOrEqualTo(2187);
        assertThat(scheme.envelopeTrytes(max + 1)).isGreaterThan(2187);
    }

    /** The table in package-info and docs/envelopes.md; if this fails, update both. */
    @Test
    void costTableIsWhatTheCodeProduces() {
        EnvelopeScheme ntru = EnvelopeScheme.NTRU_HPS_2048_677;
        EnvelopeScheme mlkem = EnvelopeScheme.ML_KEM_768;
        assertThat(ntru.envelopeBytes(162)).isEqualTo(1112);
        assertThat(ntru.envelopeTrytes(162)).isEqualTo(1877);
        assertThat(ntru.maxPlaintextIn(1)).isEqualTo(346);
        assertThat(ntru.maxPlaintextIn(2)).isEqualTo(1642);
        assertThat(mlkem.envelopeBytes(162)).isEqualTo(1270);
        assertThat(mlkem.envelopeTrytes(162)).isEqualTo(2144);
        assertThat(mlkem.maxPlaintextIn(1)).isEqualTo(188);
        assertThat(mlkem.maxPlaintextIn(2)).isEqualTo(1484);
        assertThat(DenseTrytes.trytesFor(1 + ntru.publicKeyLength())).isEqualTo(1572);
        assertThat(DenseTrytes.trytesFor(1 + mlkem.publicKeyLength())).isEqualTo(2000);
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void trytesSurviveTransactionPaddingAddedOrStripped(EnvelopeScheme scheme) throws Exception {
        EnvelopeKeyPair recipient = EnvelopeKeys.generate(scheme);
        for (int i = 0; i < 40; i++) {
            Envelope envelope = KeyEnvelopes.seal(recipient.publicKey(), ROOT_AND_SIDE_KEY);
            String trytes = envelope.toTrytes();
            String padded = trytes + "9".repeat(envelope.transactions() * 2187 - trytes.length());
            String stripped = trytes.replaceAll("9+$", "");
            assertThat(Envelope.fromTrytes(padded)).isEqualTo(envelope);
            assertThat(Envelope.fromTrytes(stripped)).isEqualTo(envelope);
            assertThat(KeyEnvelopes.open(recipient, Envelope.fromTrytes(stripped))).isEqualTo(ROOT_AND_SIDE_KEY);
        }
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void everySealIsFresh(EnvelopeScheme scheme) throws Exception {
        EnvelopePublicKey recipient = EnvelopeKeys.generate(scheme).publicKey();
        Envelope one = KeyEnvelopes.seal(recipient, ROOT_AND_SIDE_KEY);
        Envelope two = KeyEnvelopes.seal(recipient, ROOT_AND_SIDE_KEY);
        assertThat(one).isNotEqualTo(two);
        assertThat(one.toTrytes()).isNotEqualTo(two.toTrytes());
    }

    @Test
    void plaintextOverTheLimitIsRefused() {
        EnvelopePublicKey recipient = EnvelopeKeys.generate(EnvelopeScheme.ML_KEM_768).publicKey();
        assertThatThrownBy(() -> KeyEnvelopes.seal(recipient, new byte[4097]))
                .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void toStringRevealsNeitherPlaintextNorCiphertext(EnvelopeScheme scheme) throws Exception {
        Envelope envelope = KeyEnvelopes.seal(EnvelopeKeys.generate(scheme).publicKey(), ROOT_AND_SIDE_KEY);
        assertThat(envelope.toString())
                .isEqualTo("Envelope[" + scheme.displayName() + ", 162 plaintext bytes, 1 transaction(s)]");
    }
}
