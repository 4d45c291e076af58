package org.p1iota.app.consent.pairing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.p1iota.app.consent.message.Check;

/**
 * Seals My Home's event-channel root for the device during pairing, so it never travels in clear.
 * <ul>
 * <li>key = HKDF-SHA256(IKM = the code's 20 canonical ASCII symbols, salt = the challenge's 81 ASCII
 * trytes, info = {@code "p1-iota pairing root v1"}), 32 bytes;</li>
 * <li>AES-256-GCM, a fresh random 12-byte nonce, 128-bit tag, associated data = the device address's
 * 81 ASCII trytes; plaintext = the root's 81 ASCII trytes;</li>
 * <li>wire form: unpadded base64url of nonce ‖ ciphertext ‖ tag (109 bytes, 146 characters).</li>
 * </ul>
 * Each challenge is used once, so each key is too. The code's 100 bits make an offline search of the
 * key (or of the proof) hopeless; HKDF need not be slow.
 */
public final class RootSealing {

    private static final byte[] INFO = "p1-iota pairing root v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private RootSealing() {
    }

    public static String seal(String root, String challenge, String deviceAddress, PairingCode code, SecureRandom random) {
        Check.hash("root", root);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, code, challenge, deviceAddress, nonce);
            byte[] sealed = cipher.doFinal(root.getBytes(StandardCharsets.US_ASCII));
            byte[] wire = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, wire, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, wire, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(wire);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every Java 17 runtime", e);
        }
    }

    /**
     * @throws UnreadableRootException when the sealed root was made with another code, challenge or
     *                                 device, or was altered
     */
    public static String open(String sealedRoot, String challenge, String deviceAddress, PairingCode code)
            throws UnreadableRootException {
        byte[] wire;
        try {
            wire = Base64.getUrlDecoder().decode(sealedRoot);
        } catch (IllegalArgumentException e) {
            throw new UnreadableRootException("the sealed root is not base64url");
        }
        if (wire.length <= NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableRootException("the sealed root is too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, code, challenge, deviceAddress, Arrays.copyOf(wire, NONCE_BYTES));
            String root = new String(cipher.doFinal(wire, NONCE_BYTES, wire.length - NONCE_BYTES), StandardCharsets.US_ASCII);
            return Check.hash("root", root);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableRootException("the sealed root does not open with this pairing code and challenge");
        }
    }

    private static Cipher cipher(int mode, PairingCode code, String challenge, String deviceAddress, byte[] nonce)
            throws GeneralSecurityException {
        Check.hash("challenge", challenge);
        Check.hash("device", deviceAddress);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(code.canonicalAscii(), challenge.getBytes(StandardCharsets.US_ASCII), INFO));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        Arrays.fill(key, (byte) 0);
        cipher.updateAAD(deviceAddress.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    /** The sealed root cannot be opened: wrong code or challenge, or tampered with. */
    public static class UnreadableRootException extends Exception {
        public UnreadableRootException(String message) {
            super(message);
        }
    }
}
