package org.p1iota.app.consent.delivery;

import org.p1iota.camel.iota.envelope.Envelope;
import org.p1iota.camel.iota.envelope.EnvelopeException;
import org.p1iota.camel.iota.envelope.EnvelopeKeyPair;
import org.p1iota.camel.iota.envelope.EnvelopePublicKey;
import org.p1iota.camel.iota.envelope.KeyEnvelopes;

/**
 * camel-iota's post-quantum key envelopes (KEM + AES-256-GCM) behind the consent seams: public keys
 * travel as unpadded base64url ({@link EnvelopePublicKey#toBase64Url()}), envelopes as dense trytes
 * ({@link Envelope#toTrytes()}). The scheme is the one the provider's key names.
 */
public final class PostQuantumEnvelopes {

    private PostQuantumEnvelopes() {
    }

    /** Seals for whatever key an AUTHORIZED event names. */
    public static EnvelopeSealer sealer() {
        return (recipientPublicKey, plaintext) -> {
            try {
                EnvelopePublicKey recipient = EnvelopePublicKey.fromBase64Url(recipientPublicKey);
                return KeyEnvelopes.seal(recipient, plaintext).toTrytes();
            } catch (EnvelopeException e) {
                throw new EnvelopeFailure(e.getMessage(), e);
            }
        };
    }

    /** Opens with the provider's key pair of one consent request. */
    public static EnvelopeOpener opener(EnvelopeKeyPair keyPair) {
        return envelopeTrytes -> {
            try {
                return KeyEnvelopes.open(keyPair, Envelope.fromTrytes(envelopeTrytes));
            } catch (EnvelopeException e) {
                throw new EnvelopeFailure(e.getMessage(), e);
            }
        };
    }
}
