package org.p1iota.app.consent.policy;

import java.time.Instant;

import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ProviderIdentity;
import org.p1iota.app.consent.message.Scope;

/**
 * A grant: this provider may read this device's data in this scope for this goal, since then, until
 * then (or until revoked).
 *
 * @param grantSecret the consent request's grant secret the device proves its key delivery with;
 *                    null for a policy granted before protocol v2
 * @param scope       what it discloses; {@link Scope#full()} for policies granted before version 3
 * @param until       when it ends by itself, or null
 */
public record ConsentPolicy(String id, String device, ProviderIdentity provider, String goal, Instant since,
        String grantSecret, Scope scope, Instant until) {

    public ConsentPolicy {
        scope = scope == null ? Scope.full() : scope;
    }

    public ConsentPolicy(String id, String device, ProviderIdentity provider, String goal, Instant since) {
        this(id, device, provider, goal, since, null, null, null);
    }

    public ConsentPolicy(String id, String device, ProviderIdentity provider, String goal, Instant since,
            String grantSecret) {
        this(id, device, provider, goal, since, grantSecret, null, null);
    }

    public static ConsentPolicy of(Authorized event) {
        return new ConsentPolicy(event.policyId(), event.device(), event.provider(), event.goal(), event.since(),
                event.grantSecret(), event.scope(), event.until());
    }

    /** Whether it has ended by itself at {@code now}. */
    public boolean endedBy(Instant now) {
        return until != null && !now.isBefore(until);
    }

    @Override
    public String toString() {
        return "ConsentPolicy[id=" + id + ", device=" + device + ", provider=" + provider + ", goal=" + goal + ", since="
                + since + ", scope=" + scope.channelName() + ", until=" + until + ", grant secret hidden]";
    }
}
