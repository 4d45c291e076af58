package org.p1iota.app.consent.message;

/**
 * My Home to device: the challenge echoed and My Home's event-channel root. Sealed content: claim id, challenge, root (`AnswerContent`); that it opens proves the pairing code.
 * Version 2: see {@link SealedPairingMessage}.
 */
public record AnswerChallenge(String sealed) implements SealedPairingMessage {

    public AnswerChallenge {
        Check.base64url("sealed", sealed, MAX_SEALED);
    }

    @Override
    public MessageType messageType() {
        return MessageType.ANSWER_CHALLENGE;
    }
}
