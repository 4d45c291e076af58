package org.p1iota.app.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A durable FIFO on disk: what the device accepts from the meter is in the spool, forced to disk,
 * before {@link #append} returns; it leaves only when {@link #acknowledge} says it was published.
 * Survives kill -9 (a torn last record is cut off on open) and keeps the order.
 * <p>
 * Files: {@code spool-<first sequence>.log} segments and {@code acknowledged} (the highest published
 * sequence, replaced atomically). Segments that are entirely acknowledged are deleted.
 */
public final class DurableSpool implements Closeable {

    private static final String CURSOR_FILE = "acknowledged";

    private final Path directory;
    private final long segmentBytes;
    private final long maxBytes;
    private final int maxRecordBytes;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();

    private FileChannel active;
    private long activeSize;
    private long nextSequence;
    private long acknowledged;
    private long bytesOnDisk;
    /** For the age of the oldest waiting record (health) and how long a record waited (publish latency). */
    private final AppendTimes appendTimes = new AppendTimes();
    private java.util.function.LongConsumer acknowledgedAfterMillis = waited -> { };

    private DurableSpool(Path directory, long segmentBytes, long maxBytes, int maxRecordBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.maxBytes = maxBytes;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * @param segmentBytes   size at which a new segment file starts
     * @param maxBytes       disk the spool may use; appends beyond it fail with {@link SpoolFullException}
     * @param maxRecordBytes largest record accepted
     */
    public static DurableSpool open(Path directory, long segmentBytes, long maxBytes, int maxRecordBytes) throws IOException {
        DurableSpool spool = new DurableSpool(directory, segmentBytes, maxBytes, maxRecordBytes);
        spool.recover();
        return spool;
    }

    public static DurableSpool open(Path directory) throws IOException {
        return open(directory, 1 << 20, 512L << 20, 1 << 20);
    }

    private void recover() throws IOException {
        Files.createDirectories(directory);
        Path cursor = directory.resolve(CURSOR_FILE);
        acknowledged = Files.exists(cursor) ? Long.parseLong(Files.readString(cursor, StandardCharsets.US_ASCII).trim()) : 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, Segment.PREFIX + "*" + Segment.SUFFIX)) {
            for (Path file : files) {
                segments.put(Segment.sequenceOf(file), new Segment(file, Segment.sequenceOf(file)));
            }
        }
        nextSequence = acknowledged + 1;
        if (!segments.isEmpty()) {
            Segment last = segments.lastEntry().getValue();
            List<SpoolRecord> records = last.read(true, maxRecordBytes); // cuts a record torn by a crash
            long lastSequence = records.isEmpty() ? last.firstSequence() - 1 : records.get(records.size() - 1).sequence();
            nextSequence = Math.max(nextSequence, lastSequence + 1);
            openActive(last);
        }
        for (Segment segment : segments.values()) {
            bytesOnDisk += Files.size(segment.file());
        }
        Long head = segments.floorKey(acknowledged + 1);
        if (pendingCount() > 0 && head != null) {
            // the append time of records from before the start is unknown: their segment's last write is an
            // upper bound, so the age reported for them is at least the truth's lower bound, never a false alarm
            appendTimes.appended(acknowledged + 1, Files.getLastModifiedTime(segments.get(head).file()).toMillis());
        }
    }

    private void openActive(Segment segment) throws IOException {
        active = FileChannel.open(segment.file(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        activeSize = active.size();
        segments.put(segment.firstSequence(), segment);
    }

    /** Adds a record and forces it to disk. @return its sequence number */
    public synchronized long append(byte[] payload) throws IOException {
        if (payload.length > maxRecordBytes) {
            throw new IllegalArgumentException("record of " + payload.length + " bytes exceeds the spool's limit of " + maxRecordBytes);
        }
        if (bytesOnDisk + payload.length + Segment.HEADER_BYTES > maxBytes) {
            throw new SpoolFullException("spool " + directory + " holds " + bytesOnDisk + " bytes, its limit is " + maxBytes
                    + ": nothing was published for a long time (is the node reachable?)");
        }
        if (active == null || activeSize >= segmentBytes) {
            rollOver();
        }
        long sequence = nextSequence;
        ByteBuffer record = Segment.encode(sequence, payload);
        while (record.hasRemaining()) {
            int written = active.write(record);
            activeSize += written;
            bytesOnDisk += written;
        }
        active.force(false);
        appendTimes.appended(sequence, System.currentTimeMillis());
        nextSequence++;
        return sequence;
    }

    private void rollOver() throws IOException {
        if (active != null) {
            active.close();
        }
        Segment segment = Segment.create(directory, nextSequence);
        openActive(segment);
        forceDirectory();
    }

    /** The oldest records not yet acknowledged, in order, at most {@code max}. */
    public synchronized List<SpoolRecord> peek(int max) throws IOException {
        List<SpoolRecord> pending = new ArrayList<>();
        Long from = segments.floorKey(acknowledged + 1);
        for (Segment segment : (from == null ? segments : segments.tailMap(from, true)).values()) {
            for (SpoolRecord record : segment.read(false, maxRecordBytes)) {
                if (record.sequence() > acknowledged) {
                    pending.add(record);
                    if (pending.size() == max) {
                        return pending;
                    }
                }
            }
        }
        return pending;
    }

    /** Marks everything up to and including {@code sequence} as published. */
    public synchronized void acknowledge(long sequence) throws IOException {
        if (sequence <= acknowledged) {
            return;
        }
        if (sequence >= nextSequence) {
            throw new IllegalArgumentException("cannot acknowledge " + sequence + ": the last record is " + (nextSequence - 1));
        }
        writeCursor(sequence);
        long oldest = appendTimes.timeOf(acknowledged + 1);
        acknowledged = sequence;
        appendTimes.acknowledged(acknowledged + 1);
        dropAcknowledgedSegments();
        if (oldest >= 0) {
            acknowledgedAfterMillis.accept(System.currentTimeMillis() - oldest);
        }
    }

    private void dropAcknowledgedSegments() throws IOException {
        List<Map.Entry<Long, Segment>> entries = new ArrayList<>(segments.entrySet());
        for (int i = 0; i + 1 < entries.size(); i++) {
            long lastOfSegment = entries.get(i + 1).getKey() - 1;
            if (lastOfSegment <= acknowledged) {
                Path file = entries.get(i).getValue().file();
                bytesOnDisk -= Files.size(file);
                Files.delete(file);
                segments.remove(entries.get(i).getKey());
            }
        }
    }

    private void writeCursor(long sequence) throws IOException {
        Path temp = directory.resolve(CURSOR_FILE + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(StandardCharsets.US_ASCII.encode(Long.toString(sequence)));
            channel.force(true);
        }
        try {
            Files.move(temp, directory.resolve(CURSOR_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, directory.resolve(CURSOR_FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory();
    }

    private void forceDirectory() {
        // makes a rename or a new file durable on Linux; not supported everywhere, and harmless to skip there
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // directories cannot be opened on some platforms
        }
    }

    /** Records appended and not yet acknowledged. */
    public synchronized long pendingCount() {
        return nextSequence - 1 - acknowledged;
    }

    /**
     * When the oldest record not yet acknowledged was appended (epoch millis; for records from before the
     * spool was opened, the last write of their segment file), or -1 when nothing waits.
     */
    public synchronized long oldestPendingSince() {
        return pendingCount() > 0 ? appendTimes.timeOf(acknowledged + 1) : -1;
    }

    /** Told, at each acknowledgement, how long the oldest record it covers waited in the spool (millis). */
    public synchronized void onAcknowledged(java.util.function.LongConsumer waitedMillis) {
        this.acknowledgedAfterMillis = waitedMillis;
    }

    public synchronized long lastAcknowledged() {
        return acknowledged;
    }

    @Override
    public synchronized void close() throws IOException {
        if (active != null) {
            active.close();
            active = null;
        }
    }
}
