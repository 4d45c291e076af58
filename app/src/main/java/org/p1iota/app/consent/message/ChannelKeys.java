package org.p1iota.app.consent.message;

import org.p1iota.app.consent.delivery.GrantSecret;

/**
 * Sealed inside {@link MamData#envelope()}: what a provider needs to follow a device, and nothing
 * beside (version 1 also carried My Home's event-channel root, which showed a provider every grant of
 * the household). Never in clear.
 *
 * @param consentRequestId the provider's id of the consent request this delivery answers
 * @param policyId         the household's consent policy
 * @param device           the device whose data channel this is
 * @param dataRoot         the data channel's next root: the first message the provider may read
 * @param sideKey          the data channel's current side key (81 trytes)
 * @param proof            {@link GrantSecret#proof} over the fields above under the request's grant secret:
 *                         this delivery comes from the device the household granted
 */
public record ChannelKeys(String consentRequestId, String policyId, String device, String dataRoot, String sideKey,
        String proof) implements SealedContent {

    public ChannelKeys {
        Check.id("consentRequestId", consentRequestId);
        Check.id("policyId", policyId);
        Check.hash("device", device);
        Check.hash("dataRoot", dataRoot);
        Check.hash("sideKey", sideKey);
        if (!GrantSecret.wellFormed(proof)) {
            throw new IllegalArgumentException("proof must be " + GrantSecret.LENGTH + " characters of base64url");
        }
    }

    @Override
    public MessageType messageType() {
        return MessageType.CHANNEL_KEYS;
    }

    @Override
    public String toString() {
        return "ChannelKeys[consentRequestId=" + consentRequestId + ", policyId=" + policyId + ", device=" + device
                + ", dataRoot=" + dataRoot + ", secrets hidden]";
    }
}
