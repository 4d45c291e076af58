package org.p1iota.camel.p1.parse;

import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.model.Telegram;

/** Receives the outcome of each frame a {@link TelegramDecoder} finds. */
public interface TelegramListener {

    void telegram(Telegram telegram, Frame frame);

    void rejected(RejectedFrame rejected);
}
