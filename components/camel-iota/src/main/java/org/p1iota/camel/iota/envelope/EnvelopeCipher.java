package org.p1iota.iota.envelope;

import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-256-GCM under a key and nonce drawn from HKDF-SHA256 over a KEM shared secret.
 * <p>
 * Every envelope encapsulates a fresh secret and seals exactly one message under it, so the nonce
 * can be derived along with the key (as HPKE does) instead of travelling in the envelope. The HKDF
 * info binds the format version, the scheme and the recipient's public key; the AAD covers the
 * header and the encapsulation.
 */
final class EnvelopeCipher {

    private static final int MAC_BITS = EnvelopeFormat.TAG_LENGTH * 8;

    private EnvelopeCipher() {
    }

    static byte[] seal(byte[] sharedSecret, EnvelopePublicKey recipient, byte[] aad, byte[] plaintext) {
        try {
            return run(true, sharedSecret, recipient, aad, plaintext);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-GCM encryption cannot fail", e);
        }
    }

    static byte[] open(byte[] sharedSecret, EnvelopePublicKey recipient, byte[] aad, byte[] sealed)
            throws InvalidCipherTextException {
        return run(false, sharedSecret, recipient, aad, sealed);
    }

    private static byte[] run(boolean encrypt, byte[] sharedSecret, EnvelopePublicKey recipient, byte[] aad,
            byte[] input) throws InvalidCipherTextException {
        byte[] keyAndNonce = keyAndNonce(sharedSecret, recipient);
        try {
            KeyParameter key = new KeyParameter(keyAndNonce, 0, EnvelopeFormat.KEY_LENGTH);
            byte[] nonce = Arrays.copyOfRange(keyAndNonce, EnvelopeFormat.KEY_LENGTH, keyAndNonce.length);
            GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
            gcm.init(encrypt, new AEADParameters(key, MAC_BITS, nonce, aad));
            byte[] output = new byte[gcm.getOutputSize(input.length)];
            int written = gcm.processBytes(input, 0, input.length, output, 0);
            written += gcm.doFinal(output, written);
            return written == output.length ? output : Arrays.copyOf(output, written);
        } finally {
            Arrays.fill(keyAndNonce, (byte) 0);
        }
    }

    private static byte[] keyAndNonce(byte[] sharedSecret, EnvelopePublicKey recipient) {
        byte[] recipientHash = EnvelopePublicKey.sha256(recipient.toBytes());
        byte[] info = new byte[EnvelopeFormat.KDF_LABEL.length + 2 + recipientHash.length];
        System.arraycopy(EnvelopeFormat.KDF_LABEL, 0, info, 0, EnvelopeFormat.KDF_LABEL.length);
        info[EnvelopeFormat.KDF_LABEL.length] = EnvelopeFormat.VERSION;
        info[EnvelopeFormat.KDF_LABEL.length + 1] = recipient.scheme().id();
        System.arraycopy(recipientHash, 0, info, EnvelopeFormat.KDF_LABEL.length + 2, recipientHash.length);

        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(sharedSecret, null, info));
        byte[] keyAndNonce = new byte[EnvelopeFormat.KEY_LENGTH + EnvelopeFormat.NONCE_LENGTH];
        hkdf.generateBytes(keyAndNonce, 0, keyAndNonce.length);
        return keyAndNonce;
    }
}
