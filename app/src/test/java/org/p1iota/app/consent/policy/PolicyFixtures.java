package org.p1iota.app.consent.policy;

import org.p1iota.app.consent.message.ProviderIdentity;

final class PolicyFixtures {

    static final String METER = "METER" + "9".repeat(76);
    static final String GARAGE = "GARAGE" + "9".repeat(75);
    static final String SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

    static ProviderIdentity provider(String name, String requestId) {
        return new ProviderIdentity(name, "https://" + name.toLowerCase().replace(' ', '-') + ".example", requestId,
                (name.toUpperCase().replaceAll("[^A-Z]", "") + "9".repeat(81)).substring(0, 81), "AQIDBAUGBwgJ",
                "3f2a-91c0-0b1d-77e4-a5c2");
    }

    private PolicyFixtures() {
    }
}
