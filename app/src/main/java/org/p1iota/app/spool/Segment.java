package org.p1iota.app.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One spool file: records of {@code [length:int][crc32c:int][sequence:long][payload]}. The first record's
 * sequence is in the file name, so segments can be found and dropped without reading them.
 */
final class Segment {

    static final int HEADER_BYTES = 16;
    static final String PREFIX = "spool-";
    static final String SUFFIX = ".log";

    private final Path file;
    private final long firstSequence;

    Segment(Path file, long firstSequence) {
        this.file = file;
        this.firstSequence = firstSequence;
    }

    static Segment create(Path directory, long firstSequence) {
        return new Segment(directory.resolve(String.format("%s%020d%s", PREFIX, firstSequence, SUFFIX)), firstSequence);
    }

    static long sequenceOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }

    Path file() {
        return file;
    }

    long firstSequence() {
        return firstSequence;
    }

    static ByteBuffer encode(long sequence, byte[] payload) {
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        buffer.putInt(payload.length);
        buffer.putInt(0);
        buffer.putLong(sequence);
        buffer.put(payload);
        crc.update(buffer.array(), 8, 8 + payload.length);
        buffer.putInt(4, (int) crc.getValue());
        buffer.flip();
        return buffer;
    }

    /**
     * Reads every intact record. A torn record at the very end (a crash during append) is cut off;
     * damage before the end is an error, never skipped silently.
     *
     * @param repair truncate the torn tail on disk (only for the segment being appended to)
     */
    List<SpoolRecord> read(boolean repair, int maxPayloadBytes) throws IOException {
        List<SpoolRecord> records = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, repair
                ? new StandardOpenOption[] { StandardOpenOption.READ, StandardOpenOption.WRITE }
                : new StandardOpenOption[] { StandardOpenOption.READ })) {
            long size = channel.size();
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            while (position < size) {
                header.clear();
                if (size - position < HEADER_BYTES || channel.read(header, position) < HEADER_BYTES) {
                    return cutTail(channel, position, size, repair, records);
                }
                header.flip();
                int length = header.getInt();
                int storedCrc = header.getInt();
                long sequence = header.getLong();
                if (length < 0 || length > maxPayloadBytes || position + HEADER_BYTES + length > size) {
                    return cutTail(channel, position, size, repair, records);
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                channel.read(payload, position + HEADER_BYTES);
                CRC32C crc = new CRC32C();
                crc.update(header.array(), 8, 8);
                crc.update(payload.array(), 0, length);
                if ((int) crc.getValue() != storedCrc) {
                    if (position + HEADER_BYTES + length == size) {
                        return cutTail(channel, position, size, repair, records);
                    }
                    throw new SpoolCorruptedException(file + ": record at byte " + position + " fails its checksum");
                }
                records.add(new SpoolRecord(sequence, payload.array()));
                position += HEADER_BYTES + length;
            }
        }
        return records;
    }

    private List<SpoolRecord> cutTail(FileChannel channel, long position, long size, boolean repair,
                                      List<SpoolRecord> records) throws IOException {
        if (repair && position < size) {
            channel.truncate(position);
            channel.force(true);
        }
        return records;
    }
}
