package org.p1iota.app.consent.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class PairingCryptoTest {

    static final String DEVICE = "DEVICE" + "9".repeat(75);
    static final String CHALLENGE = "CHALLENGE" + "K".repeat(71) + "9";
    static final String ROOT = "ROOT" + "R".repeat(77);

    private final SecureRandom random = new SecureRandom();

    @Test
    void proofIsStableAcrossReleases() throws Exception {
        // known answer: pins the trit encoding documented in PairingProof and docs/protocol.md
        PairingCode code = PairingCode.parse("7K3M-Q9XD-2HZA-W4PN-E8RT");
        assertThat(PairingProof.compute(CHALLENGE, DEVICE, code)).isEqualTo(KNOWN_PROOF);
    }

    @Test
    void sealedRootIsStableAcrossReleases() throws Exception {
        // known answer with the nonce 00 01 .. 0b: pins HKDF inputs, AAD and wire form (docs/protocol.md)
        SecureRandom countingNonce = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) i;
                }
            }
        };
        PairingCode code = PairingCode.parse("7K3M-Q9XD-2HZA-W4PN-E8RT");
        String sealed = RootSealing.seal(ROOT, CHALLENGE, DEVICE, code, countingNonce);
        assertThat(sealed).isEqualTo(KNOWN_SEALED_ROOT);
        assertThat(RootSealing.open(KNOWN_SEALED_ROOT, CHALLENGE, DEVICE, code)).isEqualTo(ROOT);
    }

    @Test
    void proofDependsOnCodeChallengeAndDevice() throws Exception {
        PairingCode code = PairingCode.parse("7K3M-Q9XD-2HZA-W4PN-E8RT");
        String proof = PairingProof.compute(CHALLENGE, DEVICE, code);
        assertThat(proof).matches("[9A-Z]{81}");
        assertThat(PairingProof.verify(proof, CHALLENGE, DEVICE, code)).isTrue();
        assertThat(PairingProof.verify(proof, CHALLENGE, DEVICE, PairingCode.parse("7K3M-Q9XD-2HZA-W4PN-E8RV"))).isFalse();
        assertThat(PairingProof.verify(proof, "CHALLENGE" + "L".repeat(71) + "9", DEVICE, code)).isFalse();
        assertThat(PairingProof.verify(proof, CHALLENGE, "OTHER" + "9".repeat(76), code)).isFalse();
        assertThat(PairingProof.verify(null, CHALLENGE, DEVICE, code)).isFalse();
        assertThat(PairingProof.verify(proof.substring(1), CHALLENGE, DEVICE, code)).isFalse();
    }

    @Test
    void sealedRootOpensOnlyWithTheSameCodeChallengeAndDevice() throws Exception {
        PairingCode code = PairingCode.generate(random);
        String sealed = RootSealing.seal(ROOT, CHALLENGE, DEVICE, code, random);
        assertThat(sealed).doesNotContain("ROOT").hasSize(146);
        assertThat(RootSealing.open(sealed, CHALLENGE, DEVICE, code)).isEqualTo(ROOT);
        assertThat(RootSealing.seal(ROOT, CHALLENGE, DEVICE, code, random)).as("fresh nonce").isNotEqualTo(sealed);

        assertThatThrownBy(() -> RootSealing.open(sealed, CHALLENGE, DEVICE, PairingCode.generate(random)))
                .isInstanceOf(RootSealing.UnreadableRootException.class);
        assertThatThrownBy(() -> RootSealing.open(sealed, "CHALLENGE" + "L".repeat(71) + "9", DEVICE, code))
                .isInstanceOf(RootSealing.UnreadableRootException.class);
        assertThatThrownBy(() -> RootSealing.open(sealed, CHALLENGE, "OTHER" + "9".repeat(76), code))
                .isInstanceOf(RootSealing.UnreadableRootException.class);
        char flipped = sealed.charAt(40) == 'A' ? 'B' : 'A';
        String tampered = sealed.substring(0, 40) + flipped + sealed.substring(41);
        assertThatThrownBy(() -> RootSealing.open(tampered, CHALLENGE, DEVICE, code))
                .isInstanceOf(RootSealing.UnreadableRootException.class);
        assertThatThrownBy(() -> RootSealing.open("short", CHALLENGE, DEVICE, code))
                .isInstanceOf(RootSealing.UnreadableRootException.class);
        assertThatThrownBy(() -> RootSealing.open("not base64!", CHALLENGE, DEVICE, code))
                .isInstanceOf(RootSealing.UnreadableRootException.class);
    }

    static final String KNOWN_SEALED_ROOT = "AAECAwQFBgcICQoLCGjcuGPep-Qd4oSGC0BZldLQQvo-QikFzoGQ3rC9-6Z-CiLsjOmLjPfRjGipeGSKfI4iHkZ5jbm4M4YtvVP8swkcGxZOQjStmI0qV8kxJ-pfW9XiGv9iR3ZbTrHFjVwHXg";
    static final String KNOWN_PROOF = "REMRBCXXKYBAHPKDPYLXHHKLUPQEO9VJPRWWHLLTCVNQPTF9PJGTX9NLAOAZDIK9ASOFCEAEEYXOGTKNW";
}
