package org.p1iota.app.device;

import java.nio.file.Path;
import java.time.Duration;

import org.p1iota.app.consent.message.Data;
import org.p1iota.app.role.RoleSettings;

/**
 * The device role's settings (see {@code application-device.properties}).
 *
 * @param batchSize      telegrams per DATA message; a batch is published as soon as this many wait
 * @param batchMaxWait   a partial batch is published once its oldest telegram waited this long
 * @param claimsPerHour  pairing claims answered per hour (each CHALLENGE costs proof of work); more are dropped
 * @param claimBurst     claims answered at once before the hourly rate applies
 * @param channelSecurity MAM signature security level of a new data channel (1 to 3; an existing channel
 *                       keeps the level it was created with): each level adds one transaction a message
 */
public record DeviceSettings(Path dataDirectory, int batchSize, Duration batchMaxWait, int claimsPerHour, int claimBurst,
        int channelSecurity) {

    public static final int DEFAULT_BATCH_SIZE = 10;
    public static final int DEFAULT_CHANNEL_SECURITY = 1;

    public DeviceSettings {
        if (batchSize < 1 || batchSize > Data.MAX_TELEGRAMS) {
            throw new IllegalArgumentException("device.batch.size must be 1 to " + Data.MAX_TELEGRAMS + ", not " + batchSize);
        }
        if (claimsPerHour < 1 || claimBurst < 1) {
            throw new IllegalArgumentException("device.pairing.claims-per-hour and device.pairing.claim-burst must be at least 1");
        }
        if (channelSecurity < 1 || channelSecurity > 3) {
            throw new IllegalArgumentException("device.channel.security must be 1, 2 or 3, not " + channelSecurity);
        }
    }

    public static DeviceSettings of(RoleSettings settings) {
        return new DeviceSettings(settings.dataDirectory(),
                settings.getInt("device.batch.size", DEFAULT_BATCH_SIZE),
                Duration.ofMillis(settings.getLong("device.batch.max-wait", 10_000)),
                settings.getInt("device.pairing.claims-per-hour", 30),
                settings.getInt("device.pairing.claim-burst", 4),
                settings.getInt("device.channel.security", DEFAULT_CHANNEL_SECURITY));
    }

    public Path spoolDirectory() {
        return dataDirectory.resolve("spool");
    }

    public Path stateFile() {
        return dataDirectory.resolve("device-state.json");
    }
}
