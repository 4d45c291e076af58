package org.p1iota.app.consent.policy;

import java.time.Instant;

/**
 * A policy as My Home's state knows it: active, or ended (by a revocation or by deleting its device)
 * at {@code endedAt}.
 */
public record PolicyRecord(ConsentPolicy policy, Status status, Instant endedAt) {

    public enum Status { ACTIVE, REVOKED, DEVICE_DELETED }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    PolicyRecord end(Status why, Instant at) {
        return new PolicyRecord(policy, why, at);
    }
}
