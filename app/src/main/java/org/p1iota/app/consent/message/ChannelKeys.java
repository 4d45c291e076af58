package org.p1iota.app.consent.message;

/**
 * Sealed inside {@link MamData#envelope()}: what a provider needs to follow a device. Never in clear.
 *
 * @param dataRoot         the data channel's next root: the first message the provider may read
 * @param sideKey          the data channel's current side key (81 trytes)
 * @param eventChannelRoot My Home's event-channel root, so the provider can see its own revocation
 */
public record ChannelKeys(String policyId, String dataRoot, String sideKey, String eventChannelRoot)
        implements SealedContent {

    public ChannelKeys {
        Check.id("policyId", policyId);
        Check.hash("dataRoot", dataRoot);
        Check.hash("sideKey", sideKey);
        Check.hash("eventChannelRoot", eventChannelRoot);
    }

    @Override
    public MessageType messageType() {
        return MessageType.CHANNEL_KEYS;
    }

    @Override
    public String toString() {
        return "ChannelKeys[policyId=" + policyId + ", dataRoot=" + dataRoot + ", secrets hidden]";
    }
}
