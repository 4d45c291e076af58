package org.p1iota.app.consent.message;

import java.time.Instant;

/** My Home removed a device; every policy of the device ends with it. */
public record DeviceDeleted(String device, Instant at) implements ChannelEvent {

    public DeviceDeleted {
        Check.hash("device", device);
        Check.present("at", at);
    }

    @Override
    public MessageType messageType() {
        return MessageType.DEVICE_DELETED;
    }
}
