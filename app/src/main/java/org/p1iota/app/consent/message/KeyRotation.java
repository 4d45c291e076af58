package org.p1iota.app.consent.message;

import java.util.Map;
import java.util.TreeMap;
import java.util.Collections;

/**
 * On the data channel, under the old side key: the channel continues under a new side key. For each
 * provider that remains authorized, {@code keys} holds an envelope (trytes) of a {@link RotatedKey},
 * keyed by policy id. A revoked provider finds no entry for itself, so it can read up to and including
 * this message and nothing after it. An empty map is valid: nobody remains (the device was deleted).
 */
public record KeyRotation(String device, Map<String, String> keys) implements DataChannelMessage {

    public static final int MAX_PROVIDERS = 32;

    public KeyRotation {
        Check.hash("device", device);
        Check.present("keys", keys);
        if (keys.size() > MAX_PROVIDERS) {
            throw new IllegalArgumentException("keys may hold at most " + MAX_PROVIDERS + " providers");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        keys.forEach((policyId, envelope) -> sorted.put(Check.id("keys (policy id)", policyId),
                Check.someTrytes("keys." + policyId, envelope, MamData.MAX_ENVELOPE_TRYTES)));
        keys = Collections.unmodifiableMap(sorted);
    }

    @Override
    public MessageType messageType() {
        return MessageType.KEY_ROTATION;
    }
}
