package org.p1iota.app.consent.pairing;

import org.p1iota.app.consent.message.Check;

/**
 * Inside a sealed ANSWER_CHALLENGE: the claim's challenge echoed (freshness) and My Home's event-channel
 * root (the secret the device needs). That the seal opens proves My Home knows the pairing code.
 * {@link #toString()} hides the root.
 */
public record AnswerContent(String claimId, String challenge, String eventChannelRoot) {

    public AnswerContent {
        Check.id("claimId", claimId);
        Check.hash("challenge", challenge);
        Check.hash("eventChannelRoot", eventChannelRoot);
    }

    @Override
    public String toString() {
        return "AnswerContent[claimId=" + claimId + ", event-channel root hidden]";
    }
}
