package org.p1iota.app.consent.message;

/**
 * Device to My Home: a fresh random challenge for one claim. Sealed content: claim id, challenge, expiry (`ChallengeContent`).
 * Version 2: see {@link SealedPairingMessage}.
 */
public record Challenge(String sealed) implements SealedPairingMessage {

    public Challenge {
        Check.base64url("sealed", sealed, MAX_SEALED);
    }

    @Override
    public MessageType messageType() {
        return MessageType.CHALLENGE;
    }
}
