package org.p1iota.app.consent.policy;

import java.time.Instant;

import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ProviderIdentity;

/** A grant: this provider may read this device's data for this goal, since then. */
public record ConsentPolicy(String id, String device, ProviderIdentity provider, String goal, Instant since) {

    public static ConsentPolicy of(Authorized event) {
        return new ConsentPolicy(event.policyId(), event.device(), event.provider(), event.goal(), event.since());
    }
}
