package org.p1iota.app.tools.p1;

import org.p1iota.camel.p1.parse.TelegramDecoder;

/**
 * What {@code bench p1} feeds, one step at a time, through a strict decoder (framing, CRC check,
 * parsing to the typed model).
 * <ul>
 * <li>{@link #repeated}: one telegram again and again, the figure issue 2 asks for.</li>
 * <li>{@link #capture}: a real serial capture fed as a stream, in the chunk size {@code p1 parse}
 * reads, so values change from telegram to telegram and some telegrams straddle two chunks as they do
 * on a port; the end of each pass is the end of a stream.</li>
 * </ul>
 */
final class BenchWorkload {

    /** Bytes per read, as {@code p1 parse} reads a file. */
    static final int CHUNK = 16384;
    private static final int REPEATS_PER_STEP = 1000;

    private final byte[] input;
    private final boolean stream;
    private final TelegramCounter counter = new TelegramCounter();
    private final TelegramDecoder decoder = new TelegramDecoder(counter, false);

    private BenchWorkload(byte[] input, boolean stream) {
        this.input = input;
        this.stream = stream;
    }

    static BenchWorkload repeated(byte[] telegram) {
        return new BenchWorkload(telegram, false);
    }

    static BenchWorkload capture(byte[] capture) {
        return new BenchWorkload(capture, true);
    }

    /** Feeds one step's worth (a thousand telegrams, or the whole capture once); returns the telegrams it produced. */
    long step() {
        long before = counter.telegrams();
        if (stream) {
            for (int offset = 0; offset < input.length; offset += CHUNK) {
                decoder.feed(input, offset, Math.min(CHUNK, input.length - offset));
            }
            decoder.finish();
        } else {
            for (int i = 0; i < REPEATS_PER_STEP; i++) {
                decoder.feed(input, 0, input.length);
            }
        }
        return counter.telegrams() - before;
    }

    int inputLength() {
        return input.length;
    }

    TelegramCounter counter() {
        return counter;
    }
}
