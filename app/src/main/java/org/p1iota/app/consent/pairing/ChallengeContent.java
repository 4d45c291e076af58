package org.p1iota.app.consent.pairing;

import java.time.Instant;

import org.p1iota.app.consent.message.Check;

/**
 * Inside a sealed CHALLENGE: a fresh random challenge for one claim, valid once and until {@code expiresAt}.
 *
 * @param challenge 80 random trytes from a SecureRandom and a final 9
 */
public record ChallengeContent(String claimId, String challenge, Instant expiresAt) {

    public ChallengeContent {
        Check.id("claimId", claimId);
        Check.hash("challenge", challenge);
        Check.present("expiresAt", expiresAt);
    }
}
