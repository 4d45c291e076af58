package org.p1iota.app.tools.p1;

import java.util.List;

import org.p1iota.camel.p1.parse.TelegramDecoder;

/**
 * What {@code bench p1} feeds, one step at a time, through a strict decoder (framing, CRC check,
 * parsing to the typed model).
 * <ul>
 * <li>{@link #meter}: successive telegrams of one meter, each fed as it arrives, so a few values change
 * from one to the next as they do on a port: the realistic figure, and the default.</li>
 * <li>{@link #repeated}: one telegram again and again. Nothing changes, so the CPU's caches and branch
 * predictors see the same bytes every time: an upper bound, not a meter.</li>
 * <li>{@link #capture}: a real serial capture fed as a stream, in the chunk size {@code p1 parse}
 * reads, so some telegrams straddle two chunks as they do on a port; the end of each pass is the end of
 * a stream.</li>
 * </ul>
 */
final class BenchWorkload {

    /** Bytes per read, as {@code p1 parse} reads a file. */
    static final int CHUNK = 16384;
    private static final int TELEGRAMS_PER_STEP = 1000;

    private final List<byte[]> telegrams;
    private final byte[] capture;
    private final TelegramCounter counter = new TelegramCounter();
    private final TelegramDecoder decoder = new TelegramDecoder(counter, false);
    private int next;

    private BenchWorkload(List<byte[]> telegrams, byte[] capture) {
        this.telegrams = telegrams;
        this.capture = capture;
    }

    static BenchWorkload meter(List<byte[]> telegrams) {
        if (telegrams.isEmpty()) {
            throw new IllegalArgumentException("no telegrams");
        }
        return new BenchWorkload(List.copyOf(telegrams), null);
    }

    static BenchWorkload repeated(byte[] telegram) {
        return new BenchWorkload(List.of(telegram), null);
    }

    static BenchWorkload capture(byte[] capture) {
        return new BenchWorkload(null, capture);
    }

    /** Feeds one step's worth (a thousand telegrams, or the whole capture once); returns the telegrams it produced. */
    long step() {
        long before = counter.telegrams();
        if (capture != null) {
            for (int offset = 0; offset < capture.length; offset += CHUNK) {
                decoder.feed(capture, offset, Math.min(CHUNK, capture.length - offset));
            }
            decoder.finish();
        } else {
            for (int i = 0; i < TELEGRAMS_PER_STEP; i++) {
                byte[] telegram = telegrams.get(next);
                decoder.feed(telegram, 0, telegram.length);
                next = next + 1 == telegrams.size() ? 0 : next + 1;
            }
        }
        return counter.telegrams() - before;
    }

    /** Bytes fed per pass: the capture, or all telegrams of the sequence once. */
    long inputLength() {
        if (capture != null) {
            return capture.length;
        }
        long length = 0;
        for (byte[] telegram : telegrams) {
            length += telegram.length;
        }
        return length;
    }

    TelegramCounter counter() {
        return counter;
    }
}
