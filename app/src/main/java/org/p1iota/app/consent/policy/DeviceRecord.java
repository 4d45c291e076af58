package org.p1iota.app.consent.policy;

import java.time.Instant;

/** A device as My Home's state knows it; {@code deletedAt} is null while the device belongs to the household. */
public record DeviceRecord(String address, String name, Instant addedAt, Instant deletedAt) {

    public boolean active() {
        return deletedAt == null;
    }
}
