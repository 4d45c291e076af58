package org.p1iota.app.tools.p1;

import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.model.Telegram;
import org.p1iota.camel.p1.parse.TelegramListener;

/** Counts what the benchmark's decoder produces and reads a little of each telegram, so no work can be optimised away. */
final class TelegramCounter implements TelegramListener {

    private long telegrams;
    private long rejected;
    private long checksum;

    @Override
    public void telegram(Telegram telegram, Frame frame) {
        telegrams++;
        checksum += telegram.obis().getClass().hashCode() + (telegram.timestamp() == null ? 0 : telegram.timestamp().getSecond())
                + (telegram.mbus() == null ? 0 : telegram.mbus().size());
    }

    @Override
    public void rejected(RejectedFrame frame) {
        rejected++;
    }

    long telegrams() {
        return telegrams;
    }

    long rejected() {
        return rejected;
    }

    long checksum() {
        return checksum;
    }
}
