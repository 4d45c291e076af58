package org.p1iota.app.consent.delivery;

import org.p1iota.iota.envelope.Envelope;
import org.p1iota.iota.envelope.EnvelopeException;
import org.p1iota.iota.envelope.EnvelopeKeyPair;
import org.p1iota.iota.envelope.EnvelopePublicKey;
import org.p1iota.iota.envelope.KeyEnvelopes;

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
        return new EnvelopeSealer() {
            @Override
            public String seal(String recipientPublicKey, byte[] plaintext) throws EnvelopeFailure {
                try {
                    return KeyEnvelopes.seal(publicKey(recipientPublicKey), plaintext).toTrytes();
                } catch (EnvelopeException e) {
                    throw new EnvelopeFailure(e.getMessage(), e);
                }
            }

            @Override
            public String fingerprint(String recipientPublicKey) throws EnvelopeFailure {
                return PostQuantumEnvelopes.fingerprint(recipientPublicKey);
            }
        };
    }

    /** The fingerprint My Home shows on the consent page and records in AUTHORIZED. */
    public static String fingerprint(String publicKey) throws EnvelopeFailure {
        return publicKey(publicKey).fingerprint();
    }

    private static EnvelopePublicKey publicKey(String base64Url) throws EnvelopeFailure {
        try {
            return EnvelopePublicKey.fromBase64Url(base64Url);
        } catch (EnvelopeException e) {
            throw new EnvelopeFailure("not a usable public key: " + e.getMessage(), e);
        }
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
