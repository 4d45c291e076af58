package org.p1iota.iota.envelope;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SHA3Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.p1iota.iota.envelope.EnvelopeException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeKeysTest {

    static final String SEED = "PIOTA9ENVELOPE9KNOWN9ANSWER9TEST9SEED99ABCDEFGHIJKLMNOPQRSTUVWXYZ9ABCDEFGHIJKLMNO";

    /**
     * Known answers: SHA-256 of the encoded public key (scheme byte and raw key) derived from SEED.
     * The ML-KEM values were reproduced outside Java: the 64 bytes of key material computed with
     * Python's hashlib.shake_256 as package-info describes, turned into a key pair by
     * {@code @noble/post-quantum} 0.7.1 (FIPS 203), gave the same hashes.
     * NTRU's derived key depends on how BouncyCastle's generator reads randomness: if these change
     * after a BouncyCastle upgrade, every provider's derived NTRU key changes with it. Do not update
     * the values; pin BouncyCastle or add a new derivation version.
     */
    @Test
    void derivedPublicKeysMatchKnownAnswers() throws Exception {
        assertThat(publicKeyHash(EnvelopeScheme.NTRU_HPS_2048_677, 0))
                .isEqualTo("1e76d3ba147c49c11713534db9da1e5a37c37dcc482904ca648fbb7a4840ac14");
        assertThat(publicKeyHash(EnvelopeScheme.NTRU_HPS_2048_677, 1))
                .isEqualTo("6b4d9bed8dbcf0357930ebae31616c98d06cad677ba03078b7c316081b25ccbe");
        assertThat(publicKeyHash(EnvelopeScheme.ML_KEM_768, 0))
                .isEqualTo("5a0d7441ca9ddbb51a75e05f7849e7ed2097038243fb7193df08422499441ec1");
        assertThat(publicKeyHash(EnvelopeScheme.ML_KEM_768, 1))
                .isEqualTo("00e937644d922c767fcf570e0128382d7f8673a1cd28a121c50348a8f2ed0e8c");
    }

    /**
     * ML-KEM key pairs come from FIPS 203's 64-byte seed d || z, so any FIPS 203 implementation
     * derives the same key. Expected: SHA3-256 of the encapsulation key that @noble/post-quantum
     * 0.7.1 makes from the seed 00 01 02 .. 3f.
     */
    @Test
    void mlKemKeysComeFromTheStandardSeed() {
        byte[] seed = new byte[64];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) i;
        }
        byte[] encapsulationKey = new MlKem().encodePublicKey(new MlKem().derive(seed).getPublic());
        SHA3Digest sha3 = new SHA3Digest(256);
        sha3.update(encapsulationKey, 0, encapsulationKey.length);
        byte[] hash = new byte[32];
        sha3.doFinal(hash, 0);
        assertThat(HexFormat.of().formatHex(hash))
                .isEqualTo("a24e16d8f8f9383a95b77050f4d9fd2f5733eec1d63ef3c23ebf9918173669a7");
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void derivationIsReproducibleAndSeparatesSeedsIndexesAndSchemes(EnvelopeScheme scheme) throws Exception {
        EnvelopeKeyPair first = EnvelopeKeys.derive(scheme, SEED, 7);
        EnvelopeKeyPair again = EnvelopeKeys.derive(scheme, SEED, 7);
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(EnvelopeKeys.derive(scheme, SEED, 8).publicKey()).isNotEqualTo(first.publicKey());
        String otherSeed = "Q" + SEED.substring(1);
        assertThat(EnvelopeKeys.derive(scheme, otherSeed, 7).publicKey()).isNotEqualTo(first.publicKey());

        // a derived key pair opens what was sealed for the same key derived again, in another "run"
        Envelope envelope = KeyEnvelopes.seal(first.publicKey(), new byte[] {42});
        assertThat(KeyEnvelopes.open(again, envelope)).containsExactly(42);
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void generatedKeyPairsAreFresh(EnvelopeScheme scheme) {
        EnvelopeKeyPair one = EnvelopeKeys.generate(scheme);
        EnvelopeKeyPair two = EnvelopeKeys.generate(scheme);
        assertThat(one.scheme()).isEqualTo(scheme);
        assertThat(one.publicKey()).isNotEqualTo(two.publicKey());
        assertThat(one.publicKey().toBytes()).hasSize(1 + scheme.publicKeyLength());
    }

    @Test
    void badSeedsAndIndexesAreRefusedWithoutEchoingTheSeed() {
        String lowercase = SEED.substring(0, 80) + "o";
        for (String seed : new String[] {null, "", SEED.substring(1), SEED + "A", lowercase}) {
            assertThatThrownBy(() -> EnvelopeKeys.derive(EnvelopeScheme.ML_KEM_768, seed, 0))
                    .isInstanceOfSatisfying(EnvelopeException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.BAD_KEY);
                        assertThat(e.getMessage()).doesNotContain(SEED.substring(0, 20));
                    });
        }
        assertThatThrownBy(() -> EnvelopeKeys.derive(EnvelopeScheme.NTRU_HPS_2048_677, SEED, -1))
                .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_KEY));
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void publicKeysRoundTripThroughEveryEncoding(EnvelopeScheme scheme) throws Exception {
        EnvelopePublicKey key = EnvelopeKeys.derive(scheme, SEED, 3).publicKey();
        assertThat(EnvelopePublicKey.fromBytes(key.toBytes())).isEqualTo(key);
        assertThat(EnvelopePublicKey.fromTrytes(key.toTrytes())).isEqualTo(key);
        assertThat(EnvelopePublicKey.fromBase64Url(key.toBase64Url())).isEqualTo(key);
        assertThat(key.toBase64Url()).matches("[A-Za-z0-9_-]+");
        assertThat(key.toBytes()[0]).isEqualTo(scheme.id());
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void fingerprintIsTheStartOfTheKeysSha256InGroups(EnvelopeScheme scheme) throws Exception {
        EnvelopePublicKey key = EnvelopeKeys.derive(scheme, SEED, 0).publicKey();
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.toBytes()));
        assertThat(key.fingerprint()).matches("([0-9a-f]{4}-){4}[0-9a-f]{4}")
                .isEqualTo(String.join("-", hex.substring(0, 4), hex.substring(4, 8), hex.substring(8, 12),
                        hex.substring(12, 16), hex.substring(16, 20)));
    }

    @Test
    void badPublicKeysAreRefusedWithAReason() throws Exception {
        byte[] good = EnvelopeKeys.derive(EnvelopeScheme.ML_KEM_768, SEED, 0).publicKey().toBytes();
        assertRefused(new byte[0], Reason.BAD_KEY);
        assertRefused(Arrays.copyOf(good, good.length - 1), Reason.BAD_KEY);
        assertRefused(Arrays.copyOf(good, good.length + 1), Reason.BAD_KEY);
        byte[] unknownScheme = good.clone();
        unknownScheme[0] = 0x7f;
        assertRefused(unknownScheme, Reason.UNKNOWN_SCHEME);
        byte[] otherSchemesLength = good.clone();
        otherSchemesLength[0] = EnvelopeScheme.NTRU_HPS_2048_677.id();
        assertRefused(otherSchemesLength, Reason.BAD_KEY);
        byte[] coefficientsOutOfRange = new byte[good.length]; // FIPS 203 modulus check
        Arrays.fill(coefficientsOutOfRange, (byte) 0xff);
        coefficientsOutOfRange[0] = EnvelopeScheme.ML_KEM_768.id();
        assertRefused(coefficientsOutOfRange, Reason.BAD_KEY);

        assertThatThrownBy(() -> EnvelopePublicKey.fromBase64Url("not base64!"))
                .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_KEY));
        assertThatThrownBy(() -> EnvelopePublicKey.fromTrytes("ABC"))
                .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_KEY));
        assertThatThrownBy(() -> EnvelopePublicKey.fromTrytes("ab"))
                .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_KEY));
        assertThatThrownBy(() -> EnvelopePublicKey.fromBase64Url(Base64.getUrlEncoder().encodeToString(new byte[] {2})))
                .isInstanceOf(EnvelopeException.class);
    }

    @Test
    void randomPublicKeyInputIsEitherAKeyOrARefusal() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            EnvelopeScheme scheme = EnvelopeScheme.values()[i % 2];
            byte[] bytes = new byte[i % 3 == 0 ? 1 + scheme.publicKeyLength() : random.nextInt(1300)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && i % 2 == 0) {
                bytes[0] = scheme.id();
            }
            for (ThrowingDecode decode : new ThrowingDecode[] {
                    () -> EnvelopePublicKey.fromBytes(bytes),
                    () -> EnvelopePublicKey.fromTrytes(DenseTrytes.encode(bytes)),
                    () -> EnvelopePublicKey.fromBase64Url(Base64.getUrlEncoder().encodeToString(bytes))}) {
                try {
                    assertThat(decode.run().toBytes()).isEqualTo(bytes);
                } catch (EnvelopeException e) {
                    assertThat(e.reason()).isIn(Reason.BAD_KEY, Reason.UNKNOWN_SCHEME);
                }
            }
        }
    }

    private interface ThrowingDecode {
        EnvelopePublicKey run() throws EnvelopeException;
    }

    @ParameterizedTest
    @EnumSource(EnvelopeScheme.class)
    void toStringShowsSchemeAndFingerprintOnly(EnvelopeScheme scheme) throws Exception {
        EnvelopeKeyPair pair = EnvelopeKeys.derive(scheme, SEED, 0);
        String fingerprint = pair.publicKey().fingerprint();
        assertThat(pair.toString()).isEqualTo("EnvelopeKeyPair[" + scheme.displayName() + " " + fingerprint
                + ", private key hidden]");
        assertThat(pair.publicKey().toString())
                .isEqualTo("EnvelopePublicKey[" + scheme.displayName() + " " + fingerprint + "]");
    }

    private static void assertRefused(byte[] encoded, Reason reason) {
        assertThatThrownBy(() -> EnvelopePublicKey.fromBytes(encoded))
                .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static String publicKeyHash(EnvelopeScheme scheme, int index) throws Exception {
        byte[] encoded = EnvelopeKeys.derive(scheme, SEED, index).publicKey().toBytes();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
    }
}
