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
 * The provider's side of key delivery for one consent request: opens MAM_DATA and the entries of
 * KEY_ROTATION meant for it, checking that what was sealed matches what was said in clear.
 */
public final class ProviderKeys {

    /** The sealed content did not match the message around it, or could not be read. */
    public static class RejectedKeysException extends Exception {
        public RejectedKeysException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String consentRequestId;
    private final ProtocolCodec codec;
    private final EnvelopeOpener opener;

    public ProviderKeys(String consentRequestId, ProtocolCodec codec, EnvelopeOpener opener) {
        this.consentRequestId = consentRequestId;
        this.codec = codec;
        this.opener = opener;
    }

    /** The keys to follow the device's data channel from {@link MamData#notBefore()} on. */
    public ChannelKeys open(MamData message) throws RejectedKeysException {
        if (!consentRequestId.equals(message.consentRequestId())) {
            throw new RejectedKeysException("MAM_DATA for consent request " + message.consentRequestId()
                    + ", expected " + consentRequestId, null);
        }
        ChannelKeys keys = openAs(message.envelope(), ChannelKeys.class);
        if (!keys.policyId().equals(message.policyId()) || !keys.dataRoot().equals(message.notBefore())) {
            throw new RejectedKeysException("the sealed keys do not match the MAM_DATA around them", null);
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
