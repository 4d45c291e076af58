package org.p1iota.app.consent.message;

import java.util.List;

/** A batch of telegrams on the data channel, in sequence order without gaps. */
public record Data(String device, List<Telegram> telegrams) implements DataChannelMessage {

    public static final int MAX_TELEGRAMS = 360;

    public Data {
        Check.hash("device", device);
        Check.present("telegrams", telegrams);
        telegrams = List.copyOf(telegrams);
        if (telegrams.isEmpty() || telegrams.size() > MAX_TELEGRAMS) {
            throw new IllegalArgumentException("telegrams must hold 1 to " + MAX_TELEGRAMS + " telegrams");
        }
        for (int i = 1; i < telegrams.size(); i++) {
            if (telegrams.get(i).sequence() != telegrams.get(i - 1).sequence() + 1) {
                throw new IllegalArgumentException("telegrams must have consecutive sequence numbers");
            }
        }
    }

    public long firstSequence() {
        return telegrams.get(0).sequence();
    }

    public long lastSequence() {
        return telegrams.get(telegrams.size() - 1).sequence();
    }

    @Override
    public MessageType messageType() {
        return MessageType.DATA;
    }
}
