package org.p1iota.app.channel;

import java.util.List;

import org.p1iota.app.consent.message.Check;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.Telegram;

/**
 * The content of one DATA v2 message: the device and its telegrams exactly as the meter sent them,
 * numbered from {@code firstSequence} without gaps.
 */
public record TelegramBatch(String device, long firstSequence, List<byte[]> telegrams) {

    public TelegramBatch {
        Check.hash("device", device);
        Check.notNegative("firstSequence", firstSequence);
        telegrams = List.copyOf(telegrams);
        if (telegrams.isEmpty() || telegrams.size() > Data.MAX_TELEGRAMS) {
            throw new IllegalArgumentException("a batch holds 1 to " + Data.MAX_TELEGRAMS + " telegrams");
        }
        for (byte[] raw : telegrams) {
            if (raw.length == 0 || raw.length > Telegram.MAX_RAW) {
                throw new IllegalArgumentException("a telegram has 1 to " + Telegram.MAX_RAW + " bytes");
            }
        }
    }

    public long lastSequence() {
        return firstSequence + telegrams.size() - 1;
    }
}
