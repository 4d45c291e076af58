package org.p1iota.app.consent.message;

/**
 * My Home to device: proof that it knows the pairing code, and its event-channel root sealed under a
 * key derived from the code and the challenge (see docs/protocol.md, "Pairing crypto").
 *
 * @param proof      81 trytes: Kerl over the challenge and the pairing code
 * @param sealedRoot unpadded base64url of nonce, AES-256-GCM ciphertext and tag
 */
public record AnswerChallenge(String claimId, String device, String challenge, String proof, String sealedRoot)
        implements InboxMessage {

    /** Nonce (12) + 81-byte root + tag (16) = 109 bytes = 146 base64url characters; some slack for later versions. */
    public static final int MAX_SEALED_ROOT = 512;

    public AnswerChallenge {
        Check.id("claimId", claimId);
        Check.hash("device", device);
        Check.hash("challenge", challenge);
        Check.hash("proof", proof);
        Check.base64url("sealedRoot", sealedRoot, MAX_SEALED_ROOT);
    }

    @Override
    public MessageType messageType() {
        return MessageType.ANSWER_CHALLENGE;
    }
}
