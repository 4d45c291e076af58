package org.p1iota.app.consent.message;

/**
 * Device to a provider's consent-request inbox: the keys to read the data channel from now on. Every
 * secret is inside {@code envelope}, sealed for the provider's public key; what is in clear only
 * lets the provider match the message to its consent request.
 *
 * @param consentRequestId the provider's own id for the consent request (from the AUTHORIZED event)
 * @param policyId         the consent policy this delivery carries out
 * @param notBefore        the data-channel root the grant starts at; repeated inside the envelope and
 *                         checked against it. Not secret: without the side key nothing at that root
 *                         can be unmasked
 * @param envelope         the key envelope's trytes; its plaintext is an encoded {@link ChannelKeys}
 */
public record MamData(String consentRequestId, String policyId, String device, String notBefore, String envelope)
        implements InboxMessage {

    /** Two transactions' worth of message trytes; the envelopes of this release need at most one. */
    public static final int MAX_ENVELOPE_TRYTES = 2 * 2187;

    public MamData {
        Check.id("consentRequestId", consentRequestId);
        Check.id("policyId", policyId);
        Check.hash("device", device);
        Check.hash("notBefore", notBefore);
        Check.someTrytes("envelope", envelope, MAX_ENVELOPE_TRYTES);
    }

    @Override
    public MessageType messageType() {
        return MessageType.MAM_DATA;
    }
}
