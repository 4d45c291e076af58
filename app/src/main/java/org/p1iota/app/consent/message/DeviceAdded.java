package org.p1iota.app.consent.message;

import java.time.Instant;

/** My Home paired a device. */
public record DeviceAdded(String device, String name, Instant at) implements ChannelEvent {

    public static final int MAX_NAME = 64;

    public DeviceAdded {
        Check.hash("device", device);
        Check.text("name", name, MAX_NAME);
        Check.present("at", at);
    }

    @Override
    public MessageType messageType() {
        return MessageType.DEVICE_ADDED;
    }
}
