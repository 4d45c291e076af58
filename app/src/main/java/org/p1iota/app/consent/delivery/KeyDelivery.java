package org.p1iota.app.consent.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

import org.p1iota.app.consent.message.ChannelKeys;
import org.p1iota.app.consent.message.KeyRotation;
import org.p1iota.app.consent.message.MamData;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.RotatedKey;
import org.p1iota.app.consent.policy.ConsentPolicy;
import org.p1iota.app.consent.policy.DeviceAction;

/**
 * The device's side of key delivery: turns {@link DeviceAction}s into the messages to publish, with
 * every secret sealed for the provider it is meant for. The channel position (next root, current
 * side key) comes from the MAM channel the route owns.
 */
public final class KeyDelivery {

    private final String device;
    private final ProtocolCodec codec;
    private final EnvelopeSealer sealer;

    public KeyDelivery(String device, ProtocolCodec codec, EnvelopeSealer sealer) {
        this.device = device;
        this.codec = codec;
        this.sealer = sealer;
    }

    /**
     * MAM_DATA for a new policy, to the provider's inbox.
     *
     * @param nextRoot         the data channel's root for the next message the device will publish
     * @param sideKey          the data channel's current side key
     * @param eventChannelRoot My Home's event-channel root, learnt during pairing
     */
    public Outgoing mamData(DeviceAction.DeliverKeys action, String nextRoot, String sideKey, String eventChannelRoot)
            throws EnvelopeFailure {
        ConsentPolicy policy = action.policy();
        ChannelKeys keys = new ChannelKeys(policy.id(), nextRoot, sideKey, eventChannelRoot);
        String envelope = sealFor(policy, codec.encodeUtf8(keys));
        MamData message = new MamData(policy.provider().consentRequestId(), policy.id(), device, nextRoot, envelope);
        return new Outgoing(policy.provider().inbox(), message);
    }

    /** KEY_ROTATION to publish on the data channel under the old side key, announcing {@code newSideKey}. */
    public KeyRotation keyRotation(DeviceAction.RotateSideKey action, String newSideKey) throws EnvelopeFailure {
        Map<String, String> keys = new LinkedHashMap<>();
        for (ConsentPolicy policy : action.remaining()) {
            RotatedKey rotated = new RotatedKey(policy.id(), newSideKey);
            keys.put(policy.id(), sealFor(policy, codec.encodeUtf8(rotated)));
        }
        return new KeyRotation(device, keys);
    }

    /**
     * Seals only for the key whose fingerprint the household approved: a policy whose recorded
     * fingerprint does not match its key gets nothing.
     */
    private String sealFor(ConsentPolicy policy, byte[] plaintext) throws EnvelopeFailure {
        String actual = sealer.fingerprint(policy.provider().publicKey());
        if (!actual.equals(policy.provider().fingerprint())) {
            throw new EnvelopeFailure("policy " + policy.id() + ": the provider's key has fingerprint " + actual
                    + ", the household approved " + policy.provider().fingerprint() + "; nothing sealed");
        }
        return sealer.seal(policy.provider().publicKey(), plaintext);
    }
}
