package org.p1iota.app.consent.policy;

import org.p1iota.app.consent.message.ProviderIdentity;

/**
 * What the household grants on the consent page: a provider, one of its devices, a goal, and the
 * consent request's grant secret from the link's fragment.
 */
public record GrantRequest(String device, ProviderIdentity provider, String goal, String grantSecret) {

    @Override
    public String toString() {
        return "GrantRequest[device=" + device + ", provider=" + provider + ", goal=" + goal + ", grant secret hidden]";
    }
}
