package org.p1iota.camel.p1.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.model.Telegram;

/** A listener that keeps everything, for decoding a whole input at once (data format, tools). */
public final class Decoding implements TelegramListener {

    private final List<Telegram> telegrams = new ArrayList<>();
    private final List<RejectedFrame> rejected = new ArrayList<>();

    @Override
    public void telegram(Telegram telegram, Frame frame) {
        telegrams.add(telegram);
    }

    @Override
    public void rejected(RejectedFrame frame) {
        rejected.add(frame);
    }

    public List<Telegram> telegrams() {
        return Collections.unmodifiableList(telegrams);
    }

    public List<RejectedFrame> rejected() {
        return Collections.unmodifiableList(rejected);
    }
}
