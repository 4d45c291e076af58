package org.p1iota.app.consent.pairing;

import java.time.Instant;

import org.p1iota.app.consent.message.Check;

/**
 * A challenge the device issued for one claim: valid once, until {@code expiresAt}.
 *
 * @param replyTo My Home's inbox from the claim, where the result goes
 */
public record PairingChallenge(String claimId, String challenge, String replyTo, Instant issuedAt, Instant expiresAt) {

    public PairingChallenge {
        Check.id("claimId", claimId);
        Check.hash("challenge", challenge);
        Check.hash("replyTo", replyTo);
        Check.present("issuedAt", issuedAt);
        Check.present("expiresAt", expiresAt);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
