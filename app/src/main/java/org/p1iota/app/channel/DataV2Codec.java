package org.p1iota.app.channel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.p1iota.app.channel.DataV2Exception.Reason;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.iota.envelope.DenseTrytes;
import org.p1iota.iota.envelope.EnvelopeException;
import org.p1iota.iota.tangle.TryteCodec;

/**
 * DATA v2, the data channel's telegram message (docs/protocol.md): the MAM message trytes are
 * {@value #PREFIX} + the device's 81-tryte address + the payload's byte length (5 trytes, base 27, most
 * significant first, so that a cut message is told from an altered one) + the payload in dense tryte
 * form ({@link DenseTrytes}, 1.69 trytes a byte). The payload is: firstSequence and count (unsigned LEB128 varints), then one zlib stream
 * (deflate, preset dictionary {@link DsmrDictionary}, Adler-32 trailer) of count times (varint length,
 * the telegram's bytes exactly as the meter sent them), then a CRC-32 (4 bytes, big-endian) of the
 * header trytes (as ASCII) and all bytes before it, so that no changed tryte anywhere goes unnoticed.
 * <p>
 * One stream per message, so that every message decodes on its own (a provider granted mid-stream
 * starts at any message), and successive telegrams of a meter, which differ in a few values, cost
 * tens of bytes each. A v1 DATA message (JSON, two trytes a byte) starts with {@code OD} ("{"), which
 * {@value #PREFIX} never does, so a reader tells the two apart by the first trytes. Thread-safe.
 */
public final class DataV2Codec {

    /** "DATA", then V and B (the tryte for 2): version 2. Never the start of a v1 (JSON) message. */
    public static final String PREFIX = "DATAVB";
    private static final int DEVICE_TRYTES = 81;
    private static final int LENGTH_TRYTES = 5;
    private static final int HEADER_TRYTES = PREFIX.length() + DEVICE_TRYTES + LENGTH_TRYTES;
    /** Inflated content may not exceed what the largest allowed batch can take. */
    private static final int MAX_CONTENT = Data.MAX_TELEGRAMS * (Telegram.MAX_RAW + 2);

    private DataV2Codec() {
    }

    /** Whether these message trytes claim to be DATA v2 (decode them with {@link #decode}). */
    public static boolean isDataV2(String trytes) {
        return trytes != null && trytes.startsWith(PREFIX);
    }

    public static String encode(TelegramBatch batch) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] telegram : batch.telegrams()) {
            writeVarint(content, telegram.length);
            content.writeBytes(telegram);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeVarint(bytes, batch.firstSequence());
        writeVarint(bytes, batch.telegrams().size());
        bytes.writeBytes(deflate(content.toByteArray()));
        String header = PREFIX + batch.device() + lengthTrytes(bytes.size() + 4);
        long crc = crc(header, bytes.toByteArray(), bytes.size());
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes.write((int) (crc >>> shift) & 0xFF);
        }
        return header + DenseTrytes.encode(bytes.toByteArray());
    }

    /** Reads a DATA v2 message; anything wrong is refused as a whole, with the reason. */
    public static TelegramBatch decode(String trytes) throws DataV2Exception {
        if (!isDataV2(trytes)) {
            throw new DataV2Exception(Reason.NOT_DATA_V2, "the message does not start with " + PREFIX);
        }
        if (!TryteCodec.isTrytes(trytes)) {
            throw new DataV2Exception(Reason.MALFORMED, "a DATA v2 message is trytes (9, A-Z) only");
        }
        if (trytes.length() < HEADER_TRYTES) {
            throw new DataV2Exception(Reason.TRUNCATED, "the header of " + HEADER_TRYTES + " trytes is cut off at " + trytes.length());
        }
        String device = trytes.substring(PREFIX.length(), PREFIX.length() + DEVICE_TRYTES);
        int payloadLength = 0;
        for (int i = HEADER_TRYTES - LENGTH_TRYTES; i < HEADER_TRYTES; i++) {
            payloadLength = payloadLength * 27 + TryteCodec.ALPHABET.indexOf(trytes.charAt(i));
        }
        int expected = DenseTrytes.trytesFor(payloadLength);
        int actual = trytes.length() - HEADER_TRYTES;
        if (actual < expected) {
            throw new DataV2Exception(Reason.TRUNCATED, "the payload of " + payloadLength + " bytes needs " + expected
                    + " trytes, the message has " + actual + ": cut off");
        }
        if (actual > expected || payloadLength < 7) {
            throw new DataV2Exception(Reason.CORRUPT, "the payload has " + actual + " trytes where its stated length of "
                    + payloadLength + " bytes needs " + expected);
        }
        byte[] bytes;
        try {
            bytes = DenseTrytes.decode(trytes.substring(HEADER_TRYTES));
        } catch (EnvelopeException e) {
            throw new DataV2Exception(Reason.CORRUPT, "the payload trytes are altered: " + e.getMessage(), e);
        }
        int[] position = {0};
        long firstSequence = readVarint(bytes, position, Long.MAX_VALUE, "firstSequence");
        int count = (int) readVarint(bytes, position, Data.MAX_TELEGRAMS, "count");
        if (count == 0) {
            throw new DataV2Exception(Reason.MALFORMED, "count is 0");
        }
        byte[] content = inflate(bytes, position[0]);
        long stated = 0;
        for (int i = bytes.length - 4; i < bytes.length; i++) {
            stated = stated << 8 | (bytes[i] & 0xFF);
        }
        if (crc(trytes.substring(0, HEADER_TRYTES), bytes, bytes.length - 4) != stated) {
            throw new DataV2Exception(Reason.CORRUPT, "the CRC-32 of the message does not match: altered on the way");
        }
        List<byte[]> telegrams = new ArrayList<>(count);
        int[] at = {0};
        for (int i = 0; i < count; i++) {
            if (at[0] >= content.length) {
                throw new DataV2Exception(Reason.CORRUPT, "the stream holds " + i + " telegrams, the header says " + count);
            }
            int length = (int) readVarint(content, at, Telegram.MAX_RAW, "telegram length");
            if (length == 0 || content.length - at[0] < length) {
                throw new DataV2Exception(Reason.CORRUPT, "telegram " + i + " has a length of " + length
                        + " with " + (content.length - at[0]) + " bytes left");
            }
            telegrams.add(java.util.Arrays.copyOfRange(content, at[0], at[0] + length));
            at[0] += length;
        }
        if (at[0] != content.length) {
            throw new DataV2Exception(Reason.CORRUPT, (content.length - at[0]) + " bytes follow the " + count + " telegrams");
        }
        try {
            return new TelegramBatch(device, firstSequence, telegrams);
        } catch (IllegalArgumentException e) {
            throw new DataV2Exception(Reason.MALFORMED, e.getMessage(), e);
        }
    }

    private static String lengthTrytes(int length) {
        char[] digits = new char[LENGTH_TRYTES];
        int rest = length;
        for (int i = LENGTH_TRYTES - 1; i >= 0; i--) {
            digits[i] = TryteCodec.ALPHABET.charAt(rest % 27);
            rest /= 27;
        }
        return new String(digits);
    }

    private static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setDictionary(DsmrDictionary.bytes());
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 4 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] bytes, int offset) throws DataV2Exception {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes, offset, bytes.length - offset);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsDictionary()) {
                    long asked = inflater.getAdler() & 0xFFFFFFFFL;
                    if (asked != DsmrDictionary.ID) {
                        throw new DataV2Exception(Reason.CORRUPT, "the stream asks for dictionary "
                                + Long.toHexString(asked) + ", not DATA v2's " + Long.toHexString(DsmrDictionary.ID));
                    }
                    inflater.setDictionary(DsmrDictionary.BYTES);
                    continue;
                }
                if (n == 0 && inflater.needsInput()) {
                    throw new DataV2Exception(Reason.TRUNCATED, "the compressed telegrams end before their end marker");
                }
                if (n == 0 && !inflater.finished()) {
                    throw new DataV2Exception(Reason.CORRUPT, "the compressed telegrams make no progress");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_CONTENT) {
                    throw new DataV2Exception(Reason.OVERSIZE, "the telegrams inflate beyond " + MAX_CONTENT + " bytes");
                }
            }
            if (inflater.getRemaining() < 4) {
                throw new DataV2Exception(Reason.TRUNCATED, "the CRC-32 after the compressed telegrams is cut off");
            }
            if (inflater.getRemaining() > 4) {
                throw new DataV2Exception(Reason.CORRUPT, (inflater.getRemaining() - 4) + " bytes follow the compressed telegrams");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new DataV2Exception(Reason.CORRUPT, "the compressed telegrams are damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static long crc(String header, byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(header.getBytes(StandardCharsets.US_ASCII));
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    private static long readVarint(byte[] bytes, int[] position, long max, String what) throws DataV2Exception {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            if (position[0] >= bytes.length) {
                throw new DataV2Exception(Reason.TRUNCATED, what + " is cut off");
            }
            int b = bytes[position[0]++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value > max || value < 0) {
                    throw new DataV2Exception(Reason.MALFORMED, what + " " + value + " is above " + max);
                }
                return value;
            }
        }
        throw new DataV2Exception(Reason.MALFORMED, what + " is longer than a 63-bit varint");
    }
}
