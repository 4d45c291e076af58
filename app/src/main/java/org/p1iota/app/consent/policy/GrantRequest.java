package org.p1iota.app.consent.policy;

import org.p1iota.app.consent.message.ProviderIdentity;

/** What the household grants on the consent page: a provider, one of its devices, a goal. */
public record GrantRequest(String device, ProviderIdentity provider, String goal) {
}
