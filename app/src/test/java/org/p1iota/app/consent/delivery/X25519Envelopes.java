package org.p1iota.app.consent.delivery;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * A real (classical, X25519 + HKDF-SHA256 + AES-256-GCM) envelope scheme for these tests, so that
 * sealing and opening are actual encryption: a provider without the private key cannot open what was
 * sealed for another. The roles use camel-iota's post-quantum envelopes behind the same interfaces.
 * Envelope wire form: ephemeral public key (X.509) ‖ nonce ‖ ciphertext, each byte as two trytes.
 */
final class X25519Envelopes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keyPair;

    X25519Envelopes() throws GeneralSecurityException {
        keyPair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
    }

    String publicKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(keyPair.getPublic().getEncoded());
    }

    static EnvelopeSealer sealer() {
        return (recipient, plaintext) -> {
            try {
                PublicKey peer = KeyFactory.getInstance("X25519")
                        .generatePublic(new X509EncodedKeySpec(Base64.getUrlDecoder().decode(recipient)));
                KeyPair ephemeral = KeyPairGenerator.getInstance("X25519").generateKeyPair();
                byte[] nonce = new byte[12];
                RANDOM.nextBytes(nonce);
                Cipher cipher = cipher(Cipher.ENCRYPT_MODE, agree(ephemeral, peer), nonce);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(ephemeral.getPublic().getEncoded());
                out.write(nonce);
                out.write(cipher.doFinal(plaintext));
                return toTrytes(out.toByteArray());
            } catch (Exception e) {
                throw new EnvelopeFailure("cannot seal: " + e.getMessage(), e);
            }
        };
    }

    EnvelopeOpener opener() {
        return envelope -> {
            try {
                byte[] bytes = fromTrytes(envelope);
                PublicKey ephemeral = KeyFactory.getInstance("X25519")
                        .generatePublic(new X509EncodedKeySpec(Arrays.copyOf(bytes, 44)));
                Cipher cipher = cipher(Cipher.DECRYPT_MODE, agree(keyPair, ephemeral), Arrays.copyOfRange(bytes, 44, 56));
                return cipher.doFinal(bytes, 56, bytes.length - 56);
            } catch (Exception e) {
                throw new EnvelopeFailure("cannot open: " + e.getMessage(), e);
            }
        };
    }

    private static byte[] agree(KeyPair own, PublicKey peer) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(own.getPrivate());
        agreement.doPhase(peer, true);
        return agreement.generateSecret();
    }

    private static Cipher cipher(int mode, byte[] shared, byte[] nonce) throws GeneralSecurityException {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(shared, null, "test envelope".getBytes()));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, 32);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        return cipher;
    }

    private static final String TRYTES = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static String toTrytes(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int value = b & 0xff;
            out.append(TRYTES.charAt(value % 27)).append(TRYTES.charAt(value / 27));
        }
        return out.toString();
    }

    private static byte[] fromTrytes(String trytes) {
        byte[] bytes = new byte[trytes.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (TRYTES.indexOf(trytes.charAt(2 * i)) + 27 * TRYTES.indexOf(trytes.charAt(2 * i + 1)));
        }
        return bytes;
    }
}
