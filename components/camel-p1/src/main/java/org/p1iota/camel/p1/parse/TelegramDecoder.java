package org.p1iota.camel.p1.parse;

import org.p1iota.camel.p1.frame.CrcStatus;
import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.FrameSink;
import org.p1iota.camel.p1.frame.RejectReason;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.frame.TelegramFramer;
import org.p1iota.camel.p1.model.Telegram;

/**
 * Bytes in, telegrams out: a {@link TelegramFramer} and a {@link TelegramParser} with the acceptance
 * policy between them.
 * <ul>
 * <li>Strict (default): a CRC mismatch, a DSMR 4+ telegram without CRC, or a line that does not fit
 * its OBIS code rejects the frame.</li>
 * <li>Lenient: CRC failures and missing CRCs are parsed anyway and marked ({@code crc} =
 * {@code invalid} / {@code absent}); bad lines become field errors. Frames that cannot be framed at
 * all (incomplete, oversize) are rejected in both modes.</li>
 * </ul>
 * Not thread-safe: one decoder per stream.
 */
public final class TelegramDecoder implements FrameSink, StreamDecoder {

    private final TelegramFramer framer;
    private final TelegramParser parser;
    private final TelegramListener listener;
    private final boolean lenient;

    public TelegramDecoder(TelegramListener listener, boolean lenient, int maxTelegramSize) {
        this.framer = new TelegramFramer(this, maxTelegramSize);
        this.parser = new TelegramParser(lenient);
        this.listener = listener;
        this.lenient = lenient;
    }

    public TelegramDecoder(TelegramListener listener, boolean lenient) {
        this(listener, lenient, TelegramFramer.DEFAULT_MAX_TELEGRAM_SIZE);
    }

    @Override
    public void feed(byte[] data, int offset, int count) {
        framer.feed(data, offset, count);
    }

    public void feed(byte[] data) {
        framer.feed(data, 0, data.length);
    }

    /** End of the stream (or of a connection): a half-read telegram is reported as incomplete. */
    @Override
    public void finish() {
        framer.finish();
    }

    /** Bytes fed so far. */
    public long position() {
        return framer.position();
    }

    /** Bytes outside any frame: noise, or (if it is all of them) a wrong serial setting. */
    @Override
    public long skippedBytes() {
        return framer.skippedBytes();
    }

    @Override
    public void frame(Frame frame) {
        if (frame.crc() == CrcStatus.INVALID && !lenient) {
            listener.rejected(new RejectedFrame(RejectReason.CRC_MISMATCH,
                    String.format("CRC mismatch: stated %s, computed %04X", frame.statedCrc(), frame.computedCrc()),
                    frame.offset(), frame.bytes()));
            return;
        }
        Telegram telegram;
        try {
            telegram = parser.parse(frame);
        } catch (TelegramFormatException e) {
            listener.rejected(new RejectedFrame(RejectReason.UNPARSABLE, e.getMessage(), frame.offset(), frame.bytes()));
            return;
        } catch (RuntimeException e) {
            // a parser bug must cost one telegram, not the stream
            listener.rejected(new RejectedFrame(RejectReason.UNPARSABLE, "parser failure: " + e, frame.offset(), frame.bytes()));
            return;
        }
        if (frame.crc() == CrcStatus.ABSENT && telegram.p1Version() != null && !lenient) {
            listener.rejected(new RejectedFrame(RejectReason.MISSING_CRC,
                    "P1 version " + telegram.p1Version() + " telegram without CRC (mandatory since DSMR 4)",
                    frame.offset(), frame.bytes()));
            return;
        }
        listener.telegram(telegram, frame);
    }

    @Override
    public void rejected(RejectedFrame rejected) {
        listener.rejected(rejected);
    }
}
