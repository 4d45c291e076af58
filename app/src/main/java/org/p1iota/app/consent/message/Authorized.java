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
 * @param scope       version 3: what the household granted (resolution and categories); absent in
 *                    version 1 and 2 events, which hold the full scope
 * @param until       version 3: when the policy ends by itself; absent: when revoked
 */
public record Authorized(String policyId, String device, ProviderIdentity provider, String goal, Instant since,
        @OptionalField String grantSecret, @OptionalField Scope scope, @OptionalField Instant until) implements ChannelEvent {

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
        if (until != null && !until.isAfter(since)) {
            throw new IllegalArgumentException("until must be after since");
        }
    }

    /** A version 2 event: the full scope, no end date. */
    public Authorized(String policyId, String device, ProviderIdentity provider, String goal, Instant since,
            String grantSecret) {
        this(policyId, device, provider, goal, since, grantSecret, null, null);
    }

    /** The granted scope: the full one for events before version 3. */
    public Scope grantedScope() {
        return scope == null ? Scope.full() : scope;
    }

    /** A version 1 event: no grant secret. */
    public Authorized(String policyId, String device, ProviderIdentity provider, String goal, Instant since) {
        this(policyId, device, provider, goal, since, null, null, null);
    }

    @Override
    public MessageType messageType() {
        return MessageType.AUTHORIZED;
    }

    @Override
    public String toString() {
        return "Authorized[policyId=" + policyId + ", device=" + device + ", provider=" + provider + ", goal=" + goal
                + ", since=" + since + ", scope=" + scope + ", until=" + until + (grantSecret == null ? "" : ", grant secret hidden") + "]";
    }
}
