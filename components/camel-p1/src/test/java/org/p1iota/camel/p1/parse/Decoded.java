package org.p1iota.camel.p1.parse;

import java.util.ArrayList;
import java.util.List;

import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.model.Telegram;

/** Collects what a decoder emits, for assertions. */
public final class Decoded implements TelegramListener {

    public final List<Telegram> telegrams = new ArrayList<>();
    public final List<RejectedFrame> rejected = new ArrayList<>();

    public static Decoded of(byte[] input, boolean lenient) {
        Decoded decoded = new Decoded();
        TelegramDecoder decoder = new TelegramDecoder(decoded, lenient);
        decoder.feed(input);
        decoder.finish();
        return decoded;
    }

    /** Feeds the input in chunks of {@code chunk} bytes, as a serial port would deliver it. */
    public static Decoded chunked(byte[] input, boolean lenient, int chunk) {
        Decoded decoded = new Decoded();
        TelegramDecoder decoder = new TelegramDecoder(decoded, lenient);
        for (int i = 0; i < input.length; i += chunk) {
            decoder.feed(input, i, Math.min(chunk, input.length - i));
        }
        decoder.finish();
        return decoded;
    }

    @Override
    public void telegram(Telegram telegram, Frame frame) {
        telegrams.add(telegram);
    }

    @Override
    public void rejected(RejectedFrame rejected) {
        this.rejected.add(rejected);
    }
}
