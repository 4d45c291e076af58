package org.p1iota.iota.envelope;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.p1iota.iota.envelope.EnvelopeException.Reason;

/** Seals small secrets for a recipient's public key, and opens them with the key pair. */
public final class KeyEnvelopes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyEnvelopes() {
    }

    /**
     * Encrypts {@code plaintext} (at most 4096 bytes) for {@code recipient}, with fresh randomness
     * for the encapsulation.
     */
    public static Envelope seal(EnvelopePublicKey recipient, byte[] plaintext) throws EnvelopeException {
        if (plaintext.length > EnvelopeFormat.MAX_PLAINTEXT_LENGTH) {
            throw new EnvelopeException(Reason.TOO_LARGE, plaintext.length + " bytes; an envelope carries at most "
                    + EnvelopeFormat.MAX_PLAINTEXT_LENGTH);
        }
        EnvelopeScheme scheme = recipient.scheme();
        SecretWithEncapsulation kem = scheme.kem().encapsulate(recipient.parameters(), RANDOM);
        byte[] secret = kem.getSecret();
        try {
            byte[] encapsulation = kem.getEncapsulation();
            byte[] header = EnvelopeFormat.header(scheme, plaintext.length + EnvelopeFormat.TAG_LENGTH);
            byte[] aad = aad(header, encapsulation);
            byte[] sealed = EnvelopeCipher.seal(secret, recipient, aad, plaintext);
            return new Envelope(scheme, encapsulation, sealed);
        } finally {
            Arrays.fill(secret, (byte) 0);
            destroy(kem);
        }
    }

    /**
     * Decrypts an envelope sealed for {@code keyPair}'s public key.
     *
     * @throws EnvelopeException {@link Reason#SCHEME_MISMATCH} when the envelope names another
     *         scheme, {@link Reason#AUTHENTICATION_FAILED} when it was altered or sealed for
     *         another key
     */
    public static byte[] open(EnvelopeKeyPair keyPair, Envelope envelope) throws EnvelopeException {
        EnvelopeScheme scheme = envelope.scheme();
        if (scheme != keyPair.scheme()) {
            throw new EnvelopeException(Reason.SCHEME_MISMATCH, "the envelope is sealed with " + scheme
                    + ", the key pair is " + keyPair.scheme());
        }
        byte[] encapsulation = envelope.encapsulation();
        byte[] sealed = envelope.sealed();
        byte[] secret = scheme.kem().decapsulate(keyPair.privateKey(), encapsulation);
        try {
            byte[] aad = aad(envelope.header(), encapsulation);
            return EnvelopeCipher.open(secret, keyPair.publicKey(), aad, sealed);
        } catch (InvalidCipherTextException e) {
            throw new EnvelopeException(Reason.AUTHENTICATION_FAILED,
                    "the envelope was altered, or sealed for another key than " + keyPair.publicKey().fingerprint());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The header followed by the encapsulation. */
    private static byte[] aad(byte[] header, byte[] encapsulation) {
        byte[] aad = Arrays.copyOf(header, header.length + encapsulation.length);
        System.arraycopy(encapsulation, 0, aad, header.length, encapsulation.length);
        return aad;
    }

    private static void destroy(SecretWithEncapsulation kem) {
        try {
            kem.destroy();
        } catch (javax.security.auth.DestroyFailedException e) {
            // the secret bytes were already wiped above; a copy inside BouncyCastle stays to the GC
        }
    }
}
