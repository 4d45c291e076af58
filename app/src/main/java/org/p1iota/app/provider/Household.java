package org.p1iota.app.provider;

import java.time.Instant;

/**
 * One consent request and, once granted, the meter behind it. The household id is the consent
 * request id.
 *
 * @param keyIndex   n: the inbox is address n of the provider's seed, the envelope key pair key n
 * @param policyId   the household's consent policy, known once MAM_DATA arrived (else null)
 * @param device     the device's address, known once MAM_DATA arrived (else null)
 * @param lastReadingAt the newest stored telegram's time, or null
 */
public record Household(String id, int keyIndex, String inbox, String goal, Instant requestedAt, HouseholdState state,
        String policyId, String device, Instant lastReadingAt) {
}
