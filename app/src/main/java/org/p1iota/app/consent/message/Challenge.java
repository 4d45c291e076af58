package org.p1iota.app.consent.message;

import java.time.Instant;

/**
 * Device to My Home: a fresh random challenge for one claim, valid once and until {@code expiresAt}.
 *
 * @param challenge 81 random trytes from a SecureRandom
 */
public record Challenge(String claimId, String device, String challenge, Instant expiresAt) implements InboxMessage {

    public Challenge {
        Check.id("claimId", claimId);
        Check.hash("device", device);
        Check.hash("challenge", challenge);
        Check.present("expiresAt", expiresAt);
    }

    @Override
    public MessageType messageType() {
        return MessageType.CHALLENGE;
    }
}
