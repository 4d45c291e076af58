package org.p1iota.app.consent.message;

import java.time.Instant;

/**
 * The household granted a provider access to one device's data for a goal: a consent policy.
 *
 * @param policyId a fresh random id, unique within the household's event channel
 */
public record Authorized(String policyId, String device, ProviderIdentity provider, String goal, Instant since)
        implements ChannelEvent {

    public static final int MAX_GOAL = 500;

    public Authorized {
        Check.id("policyId", policyId);
        Check.hash("device", device);
        Check.present("provider", provider);
        Check.text("goal", goal, MAX_GOAL);
        Check.present("since", since);
    }

    @Override
    public MessageType messageType() {
        return MessageType.AUTHORIZED;
    }
}
