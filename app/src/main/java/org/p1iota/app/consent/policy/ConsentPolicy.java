package org.p1iota.app.consent.policy;

import java.time.Instant;

import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ProviderIdentity;

/**
 * A grant: this provider may read this device's data for this goal, since then.
 *
 * @param grantSecret the consent request's grant secret the device proves its key delivery with;
 *                    null for a policy granted before protocol v2
 */
public record ConsentPolicy(String id, String device, ProviderIdentity provider, String goal, Instant since,
        String grantSecret) {

    public ConsentPolicy(String id, String device, ProviderIdentity provider, String goal, Instant since) {
        this(id, device, provider, goal, since, null);
    }

    public static ConsentPolicy of(Authorized event) {
        return new ConsentPolicy(event.policyId(), event.device(), event.provider(), event.goal(), event.since(),
                event.grantSecret());
    }

    @Override
    public String toString() {
        return "ConsentPolicy[id=" + id + ", device=" + device + ", provider=" + provider + ", goal=" + goal + ", since="
                + since + ", grant secret hidden]";
    }
}
