package org.p1iota.app.consent.delivery;

import java.util.Optional;

import org.p1iota.app.consent.message.ChannelKeys;
import org.p1iota.app.consent.message.KeyRotation;
import org.p1iota.app.consent.message.MamData;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProtocolException;
import org.p1iota.app.consent.message.RotatedKey;
import org.p1iota.app.consent.message.SealedContent;

/**
 * The provider's side of key delivery for one consent request: opens MAM_DATA and accepts its keys
 * only with a valid proof under the request's grant secret (so only from the device the household
 * granted, never from whoever else learnt the inbox and public key), and opens the entries of
 * KEY_ROTATION meant for it.
 */
public final class ProviderKeys {

    /** The sealed content is not for this request, lacks a valid proof, or could not be read. */
    public static class RejectedKeysException extends Exception {
        public RejectedKeysException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String consentRequestId;
    private final String grantSecret;
    private final ProtocolCodec codec;
    private final EnvelopeOpener opener;

    /** @param grantSecret the request's grant secret; null (a request made before v2) accepts no MAM_DATA */
    public ProviderKeys(String consentRequestId, String grantSecret, ProtocolCodec codec, EnvelopeOpener opener) {
        this.consentRequestId = consentRequestId;
        this.grantSecret = grantSecret;
        this.codec = codec;
        this.opener = opener;
    }

    /** The keys to follow the device's data channel from {@link ChannelKeys#dataRoot()} on. */
    public ChannelKeys open(MamData message) throws RejectedKeysException {
        ChannelKeys keys = openAs(message.envelope(), ChannelKeys.class);
        if (!consentRequestId.equals(keys.consentRequestId())) {
            throw new RejectedKeysException("the keys were sealed for consent request " + keys.consentRequestId()
                    + ", not " + consentRequestId, null);
        }
        if (!GrantSecret.verify(grantSecret, keys.proof(), keys.consentRequestId(), keys.policyId(), keys.device(),
                keys.dataRoot(), keys.sideKey())) {
            throw new RejectedKeysException("the keys carry no valid proof of the household's grant: not from the granted device",
                    null);
        }
        return keys;
    }

    /**
     * The new side key if this provider's policy remains; empty when it was left out, which means the
     * policy was revoked and nothing after this message is readable for it.
     */
    public Optional<RotatedKey> open(KeyRotation rotation, String policyId) throws RejectedKeysException {
        String envelope = rotation.keys().get(policyId);
        if (envelope == null) {
            return Optional.empty();
        }
        RotatedKey key = openAs(envelope, RotatedKey.class);
        if (!key.policyId().equals(policyId)) {
            throw new RejectedKeysException("the rotated key was sealed for policy " + key.policyId(), null);
        }
        return Optional.of(key);
    }

    private <T extends SealedContent> T openAs(String envelope, Class<T> type) throws RejectedKeysException {
        try {
            return codec.decode(opener.open(envelope), type);
        } catch (EnvelopeFailure | ProtocolException e) {
            throw new RejectedKeysException("cannot open the envelope: " + e.getMessage(), e);
        }
    }
}
