package org.p1iota.camel.p1.frame;

import java.util.Arrays;

/**
 * Cuts a byte stream into telegrams with a state machine, computing the CRC-16/ARC of each.
 * <p>
 * Speed: the scan for {@code /} and {@code !} looks at eight bytes per step ({@link ByteScan}), then
 * the CRC runs over the scanned run in bulk, sixteen bytes per step ({@link Crc16Arc}): no telegram
 * is assumed to resemble the one before, so a stream that mixes meters costs what one meter does.
 * A telegram that lies within one fed chunk is not copied
 * until it is complete (then once, into the frame's own array); only one that spans chunks is gathered
 * in the buffer.
 * <ul>
 * <li>Bytes before a {@code /} are skipped: line noise, and the tail of a telegram that was already
 * being sent when we connected (the first partial telegram is discarded, not reported).</li>
 * <li>{@code /} inside a telegram starts a new one; the cut-off part is reported as
 * {@link RejectReason#INCOMPLETE}.</li>
 * <li>{@code !} ends the body. Up to four hex digits (either case) follow; four digits complete the
 * frame at once (so two telegrams glued without a line end are both found), fewer digits are
 * completed by CR or LF. No digits before the line end means "no CRC" (DSMR 2.2/3.0).</li>
 * <li>A frame whose stated CRC does not match is still handed on, marked {@link CrcStatus#INVALID}:
 * whether it is rejected or parsed anyway is the caller's policy.</li>
 * <li>A telegram longer than the size bound is dropped as {@link RejectReason#OVERSIZE} and the
 * framer waits for the next {@code /}, so memory stays bounded whatever arrives.</li>
 * </ul>
 * Not thread-safe: one framer per stream.
 */
public final class TelegramFramer {

    /** Default bound: DSMR 5 telegrams with a full text message stay well below it. */
    public static final int DEFAULT_MAX_TELEGRAM_SIZE = 4096;

    private static final int SEEK = 0;
    private static final int BODY = 1;
    private static final int CRC = 2;

    private final FrameSink sink;
    private final int maxSize;

    private int state = SEEK;
    private byte[] buffer;
    /** The chunk being fed; while {@link #direct} is set, the frame so far is {@code chunk[chunkStart..+length)}. */
    private byte[] chunk;
    private int chunkStart;
    private boolean direct;
    private int length;
    private int crc;
    private int bodyLength;
    private int statedCrc;
    private int crcDigits;
    private long frameOffset;
    private long position;
    private long skipped;

    public TelegramFramer(FrameSink sink) {
        this(sink, DEFAULT_MAX_TELEGRAM_SIZE);
    }

    public TelegramFramer(FrameSink sink, int maxTelegramSize) {
        if (maxTelegramSize < 16) {
            throw new IllegalArgumentException("maxTelegramSize must be at least 16 bytes, not " + maxTelegramSize);
        }
        this.sink = sink;
        this.maxSize = maxTelegramSize;
        this.buffer = new byte[Math.min(maxTelegramSize + 8, 2048)];
    }

    /** Feeds the next bytes of the stream. */
    public void feed(byte[] data, int offset, int count) {
        int end = offset + count;
        long base = position - offset;
        chunk = data;
        try {
            int i = offset;
            while (i < end) {
                if (state == SEEK) {
                    int from = i;
                    i = ByteScan.indexOf(data, i, end, (byte) '/');
                    skipped += i - from;
                    if (i < end) {
                        start(base + i, i);
                        i++;
                    }
                } else if (state == BODY) {
                    i = body(data, i, end, base);
                } else {
                    i = crcDigit(data[i], base + i, i);
                }
            }
            position = base + end;
        } finally {
            // also when a sink threw: the chunk's array is the caller's to reuse, so keep the frame's bytes so far
            if (state != SEEK && direct) {
                ensureCapacity(length);
                System.arraycopy(data, chunkStart, buffer, 0, length);
                direct = false;
            }
            chunk = null;
        }
    }

    /** Feeds all of {@code data}. */
    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /**
     * Ends the stream (end of file, closed socket, unplugged cable): a telegram that was being read is
     * reported as incomplete, and the next byte fed is treated as the start of a new stream.
     */
    public void finish() {
        if (state == CRC && crcDigits == 0) {
            // "!" as the very last byte: a telegram without CRC whose line end was not captured
            complete(CrcStatus.ABSENT);
        } else if (state != SEEK) {
            reject(RejectReason.INCOMPLETE, "input ended before the telegram's end marker");
        }
        state = SEEK;
    }

    /** Bytes fed so far. */
    public long position() {
        return position;
    }

    /**
     * Bytes seen outside any frame (before a {@code /}). Noise between telegrams is normal; a stream
     * that is nothing but skipped bytes usually means a wrong serial setting (7E1 read as 8N1).
     */
    public long skippedBytes() {
        return skipped;
    }

    private void start(long offset, int at) {
        state = BODY;
        frameOffset = offset;
        chunkStart = at;
        direct = true;
        length = 1;
        crc = Crc16Arc.update(0, (byte) '/');
    }

    /**
     * Takes body bytes up to {@code !}, {@code /}, the size bound or the end of the chunk: a scan for
     * the two special bytes and the CRC over the run (plus a copy only when the frame is gathered in
     * the buffer).
     */
    private int body(byte[] data, int i, int end, long base) {
        int limit = Math.min(end, i + (maxSize - length));
        // two tight loops over bytes in the L1 cache (find the end, then the CRC up to it) were faster
        // and steadier from one JIT compilation to the next than the two fused into one loop
        int j = ByteScan.indexOfEither(data, i, limit, (byte) '/', (byte) '!');
        crc = Crc16Arc.update(crc, data, i, j - i);
        int run = j - i;
        if (run > 0) {
            if (!direct) {
                ensureCapacity(length + run);
                System.arraycopy(data, i, buffer, length, run);
            }
            length += run;
        }
        if (j == end) {
            return j;
        }
        if (j == limit && length == maxSize) {
            reject(RejectReason.OVERSIZE, "telegram exceeds the size bound of " + maxSize + " bytes");
            state = SEEK;
            return j;
        }
        if (data[j] == '/') {
            reject(RejectReason.INCOMPLETE, "a new telegram started (\"/\") before this one's end marker");
            start(base + j, j);
            return j + 1;
        }
        append((byte) '!');
        crc = Crc16Arc.update(crc, (byte) '!');
        state = CRC;
        bodyLength = length;
        statedCrc = 0;
        crcDigits = 0;
        return j + 1;
    }

    private int crcDigit(byte b, long at, int i) {
        int digit = hexValue(b);
        if (digit >= 0) {
            append(b);
            statedCrc = (statedCrc << 4) | digit;
            if (++crcDigits == 4) {
                complete(CrcStatus.VALID);
            }
            return i + 1;
        }
        if (b == '\r' || b == '\n') {
            complete(crcDigits == 0 ? CrcStatus.ABSENT : CrcStatus.VALID);
            return i + 1;
        }
        if (b == '/') {
            reject(RejectReason.INCOMPLETE, "a new telegram started (\"/\") inside the CRC");
            start(at, i);
            return i + 1;
        }
        append(b);
        reject(RejectReason.MALFORMED_CRC, "byte 0x" + Integer.toHexString(b & 0xFF) + " where a CRC digit or line end belongs");
        state = SEEK;
        return i + 1;
    }

    private void complete(CrcStatus claimed) {
        state = SEEK;
        CrcStatus status = claimed == CrcStatus.VALID && statedCrc != crc ? CrcStatus.INVALID : claimed;
        sink.frame(new Frame(frameBytes(), frameOffset, bodyLength, status, crc));
    }

    private void reject(RejectReason reason, String detail) {
        sink.rejected(new RejectedFrame(reason, detail, frameOffset, frameBytes()));
    }

    /** A copy of the frame's bytes: the sink keeps them, and both the chunk and the buffer are reused. */
    private byte[] frameBytes() {
        return direct ? Arrays.copyOfRange(chunk, chunkStart, chunkStart + length) : Arrays.copyOf(buffer, length);
    }

    /** Takes the next byte of the chunk into the frame; {@code b} is that byte. */
    private void append(byte b) {
        if (direct) {
            length++; // it already is the next byte of the chunk
            return;
        }
        ensureCapacity(length + 1);
        buffer[length++] = b;
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(Math.max(buffer.length * 2, needed), maxSize + 8));
        }
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }
}
