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
 * @param scope            version 3: what the channel at {@code dataRoot} discloses (absent: the full scope)
 * @param until            version 3: when the policy ends by itself (absent: no end date); the provider
 *                         shows "consent ended" when its key stops opening the channel then
 */
public record ChannelKeys(String consentRequestId, String policyId, String device, String dataRoot, String sideKey,
        String proof, @OptionalField Scope scope, @OptionalField java.time.Instant until) implements SealedContent {

    /** A version 2 delivery: the full scope, no end date. */
    public ChannelKeys(String consentRequestId, String policyId, String device, String dataRoot, String sideKey,
            String proof) {
        this(consentRequestId, policyId, device, dataRoot, sideKey, proof, null, null);
    }

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
                + ", dataRoot=" + dataRoot + ", scope=" + scope + ", until=" + until + ", secrets hidden]";
    }
}
