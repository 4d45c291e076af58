package org.p1iota.app.consent.message;

import java.time.Instant;

/** The household withdrew a consent policy. */
public record AuthorizationRevoked(String policyId, String device, Instant at) implements ChannelEvent {

    public AuthorizationRevoked {
        Check.id("policyId", policyId);
        Check.hash("device", device);
        Check.present("at", at);
    }

    @Override
    public MessageType messageType() {
        return MessageType.AUTHORIZATION_REVOKED;
    }
}
