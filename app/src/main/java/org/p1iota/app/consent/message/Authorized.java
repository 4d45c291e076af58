package org.p1iota.app.consent.message;

import java.time.Instant;

import org.p1iota.app.consent.delivery.GrantSecret;

/**
 * The household granted a provider access to one device's data for a goal: a consent policy.
 *
 * @param policyId    a fresh random id, unique within the household's event channel
 * @param grantSecret version 2: the provider's secret for this consent request, from the consent
 *                    link; the device proves its key delivery with it. Only on My Home's private
 *                    channel, never shown. Absent in version 1 events (granted before v2), whose keys
 *                    the device can no longer deliver
 */
public record Authorized(String policyId, String device, ProviderIdentity provider, String goal, Instant since,
        @OptionalField String grantSecret) implements ChannelEvent {

    public static final int MAX_GOAL = 500;

    public Authorized {
        Check.id("policyId", policyId);
        Check.hash("device", device);
        Check.present("provider", provider);
        Check.text("goal", goal, MAX_GOAL);
        Check.present("since", since);
        if (grantSecret != null && !GrantSecret.wellFormed(grantSecret)) {
            throw new IllegalArgumentException("grantSecret must be " + GrantSecret.LENGTH + " characters of base64url");
        }
    }

    /** A version 1 event: no grant secret. */
    public Authorized(String policyId, String device, ProviderIdentity provider, String goal, Instant since) {
        this(policyId, device, provider, goal, since, null);
    }

    @Override
    public MessageType messageType() {
        return MessageType.AUTHORIZED;
    }

    @Override
    public String toString() {
        return "Authorized[policyId=" + policyId + ", device=" + device + ", provider=" + provider + ", goal=" + goal
                + ", since=" + since + (grantSecret == null ? "" : ", grant secret hidden") + "]";
    }
}
