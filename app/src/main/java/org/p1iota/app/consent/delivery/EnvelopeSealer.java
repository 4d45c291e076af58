package org.p1iota.app.consent.delivery;

/**
 * Seals a small secret for a recipient's public key (KEM + AEAD) and returns the envelope as trytes.
 * The post-quantum envelopes of camel-iota ({@code org.p1iota.iota.envelope.KeyEnvelopes}) are
 * the implementation the roles use; this seam keeps the consent logic free of a particular scheme.
 */
public interface EnvelopeSealer {

    /**
     * @param recipientPublicKey the provider's public key as carried in AUTHORIZED (unpadded base64url)
     * @throws EnvelopeFailure when the key is unusable (unknown scheme, wrong length)
     */
    String seal(String recipientPublicKey, byte[] plaintext) throws EnvelopeFailure;

    /** The short fingerprint of a public key, as shown to the household when it granted access. */
    String fingerprint(String recipientPublicKey) throws EnvelopeFailure;
}
