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
 * @param grantSecret the request's secret, given only to the household in the consent link; the
 *                    device proves its key delivery with it (null for requests made before v2)
 * @param rejectedKeyDeliveries key deliveries refused at this request's inbox (forged, for another
 *                    request, without a valid proof, or unopenable)
 */
public record Household(String id, int keyIndex, String inbox, String goal, Instant requestedAt, HouseholdState state,
        String policyId, String device, Instant lastReadingAt, String grantSecret, int rejectedKeyDeliveries) {

    /** A household without grant secret or refusals (tests, and requests made before v2). */
    public Household(String id, int keyIndex, String inbox, String goal, Instant requestedAt, HouseholdState state,
            String policyId, String device, Instant lastReadingAt) {
        this(id, keyIndex, inbox, goal, requestedAt, state, policyId, device, lastReadingAt, null, 0);
    }

    @Override
    public String toString() {
        return "Household[id=" + id + ", keyIndex=" + keyIndex + ", state=" + state + ", policyId=" + policyId
                + ", device=" + device + ", rejectedKeyDeliveries=" + rejectedKeyDeliveries + ", grant secret hidden]";
    }
}
