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
     * MAM_DATA for a new policy, to the provider's inbox: everything sealed, with the proof under the
     * consent request's grant secret that this delivery is the granted one.
     *
     * @param nextRoot the data channel's root for the next message the device will publish
     * @param sideKey  the data channel's current side key
     * @throws EnvelopeFailure also when the policy has no grant secret (granted before protocol v2):
     *                         the provider would refuse the delivery, so none is made
     */
    public Outgoing mamData(DeviceAction.DeliverKeys action, String nextRoot, String sideKey) throws EnvelopeFailure {
        ConsentPolicy policy = action.policy();
        if (policy.grantSecret() == null) {
            throw new EnvelopeFailure("policy " + policy.id() + " was granted before protocol v2 and has no grant secret;"
                    + " the household must grant it again");
        }
        String requestId = policy.provider().consentRequestId();
        String proof = GrantSecret.proof(policy.grantSecret(), requestId, policy.id(), device, nextRoot, sideKey);
        ChannelKeys keys = new ChannelKeys(requestId, policy.id(), device, nextRoot, sideKey, proof,
                policy.scope().isFull() ? null : policy.scope(), policy.until());
        return new Outgoing(policy.provider().inbox(), new MamData(sealFor(policy, codec.encodeUtf8(keys))));
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
