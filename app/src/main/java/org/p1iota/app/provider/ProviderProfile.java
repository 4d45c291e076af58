package org.p1iota.app.provider;

import java.time.ZoneId;

/**
 * How the provider presents itself and where it sends households.
 *
 * @param name       shown on My Home's consent page (from the well-known metadata)
 * @param goal       what the provider does with the data, shown to the household
 * @param publicUrl  this site's origin as browsers reach it (the consent link's return URL); My Home
 *                   fetches the well-known metadata from it
 * @param myHomeUrl  the My Home to send households to when the page does not name one
 * @param zone       the time zone days are counted in
 */
public record ProviderProfile(String name, String goal, String publicUrl, String myHomeUrl, ZoneId zone) {

    /** Wattt's "hourly and daily insights": 15-minute electricity registers and gas at its own cadence. */
    public static final org.p1iota.app.consent.message.Scope INSIGHTS = org.p1iota.app.consent.message.Scope.of(
            org.p1iota.app.consent.message.Scope.Resolution.QUARTER_HOUR, org.p1iota.app.consent.message.Scope.Category.ENERGY,
            org.p1iota.app.consent.message.Scope.Category.GAS);

    public ProviderProfile {
        while (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
    }
}
