package org.p1iota.app.consent.pairing;

import java.time.Instant;

import org.p1iota.app.consent.message.Check;

/**
 * Inside a sealed CLAIM_DEVICE.
 *
 * @param claimId   a fresh random id that every later message of this pairing repeats (inside its seal)
 * @param replyTo   My Home's inbox address, where the device sends its challenge and result
 * @param createdAt when My Home made the claim: the device ignores claims older than a challenge lives
 */
public record ClaimContent(String claimId, String replyTo, Instant createdAt) {

    public ClaimContent {
        Check.id("claimId", claimId);
        Check.hash("replyTo", replyTo);
        Check.present("createdAt", createdAt);
    }
}
