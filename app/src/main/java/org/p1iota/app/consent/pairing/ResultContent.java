package org.p1iota.app.consent.pairing;

import org.p1iota.app.consent.message.Check;
import org.p1iota.app.consent.message.ClaimResult.Outcome;
import org.p1iota.app.consent.message.ClaimResult.Rejection;
import org.p1iota.app.consent.message.OptionalField;

/** Inside a sealed CLAIM_RESULT: {@code reason} is present exactly when the result is NOK. */
public record ResultContent(String claimId, Outcome result, @OptionalField Rejection reason) {

    public ResultContent {
        Check.id("claimId", claimId);
        Check.present("result", result);
        if (result == Outcome.OK && reason != null) {
            throw new IllegalArgumentException("reason must be absent when result is OK");
        }
        if (result == Outcome.NOK && reason == null) {
            throw new IllegalArgumentException("reason is missing: a NOK result says why");
        }
    }

    public static ResultContent ok(String claimId) {
        return new ResultContent(claimId, Outcome.OK, null);
    }

    public static ResultContent nok(String claimId, Rejection reason) {
        return new ResultContent(claimId, Outcome.NOK, reason);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isOk() {
        return result == Outcome.OK;
    }
}
