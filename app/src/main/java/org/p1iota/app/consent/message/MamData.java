package org.p1iota.app.consent.message;

/**
 * Device to a provider's consent-request inbox: the keys to read the data channel from now on.
 * Version 2 says nothing in clear but the envelope: which request, policy and device it is about, and
 * the root it starts at, are all sealed inside ({@link ChannelKeys}). The provider knows which
 * request an inbox belongs to, so nothing else is needed before opening it.
 *
 * @param envelope the key envelope's trytes; its plaintext is an encoded {@link ChannelKeys}
 */
public record MamData(String envelope) implements InboxMessage {

    /** Two transactions' worth of message trytes; the envelopes of this release need at most one. */
    public static final int MAX_ENVELOPE_TRYTES = 2 * 2187;

    public MamData {
        Check.someTrytes("envelope", envelope, MAX_ENVELOPE_TRYTES);
    }

    @Override
    public MessageType messageType() {
        return MessageType.MAM_DATA;
    }
}
