package org.p1iota.app.consent.policy;

import java.time.Duration;

import org.p1iota.app.consent.message.ProviderIdentity;
import org.p1iota.app.consent.message.Scope;

/**
 * What the household grants on the consent page: a provider, one of its devices, a goal, the consent
 * request's grant secret from the link's fragment, and the scope and duration: what the provider asked
 * for ({@code requestedScope}, {@code requestedDuration}; null: the full scope, no end) and what the
 * household chose ({@code scope}, {@code duration}), which may narrow the request but never widen it.
 */
public record GrantRequest(String device, ProviderIdentity provider, String goal, String grantSecret,
        Scope requestedScope, Duration requestedDuration, Scope scope, Duration duration) {

    public GrantRequest(String device, ProviderIdentity provider, String goal, String grantSecret) {
        this(device, provider, goal, grantSecret, null, null, null, null);
    }

    @Override
    public String toString() {
        return "GrantRequest[device=" + device + ", provider=" + provider + ", goal=" + goal + ", scope=" + scope
                + ", duration=" + duration + ", grant secret hidden]";
    }
}
