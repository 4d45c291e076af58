package org.p1iota.app.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One SSE client's side of {@link ServerSentEvents}: an endless InputStream of event frames that
 * blocks until the next event, sends a comment line as heartbeat when nothing happened for a while
 * (so idle timeouts do not cut the connection), and ends when closed.
 */
public final class EventStream extends InputStream {

    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = new byte[0];

    private final Predicate<String> wanted;
    private final BlockingQueue<byte[]> queue;
    private final Duration heartbeat;
    private final Consumer<EventStream> onClose;
    private volatile boolean closed;
    private byte[] current = new byte[0];
    private int position;

    EventStream(Predicate<String> wanted, int capacity, Duration heartbeat, Consumer<EventStream> onClose) {
        this.wanted = wanted;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.heartbeat = heartbeat;
        this.onClose = onClose;
    }

    boolean wants(String topic) {
        return !closed && wanted.test(topic);
    }

    /** Queues a frame; a client too slow to keep up is closed rather than buffered without end. */
    void offer(byte[] frame) {
        if (!closed && !queue.offer(frame)) {
            close();
        }
    }

    static byte[] frame(String event, String id, String data) {
        StringBuilder frame = new StringBuilder();
        if (id != null) {
            frame.append("id: ").append(oneLine("id", id)).append('\n');
        }
        frame.append("event: ").append(oneLine("event", event)).append('\n');
        for (String line : (data == null ? "" : data).split("\r\n|\r|\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String oneLine(String field, String value) {
        if (value == null || value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("SSE " + field + " must be one non-empty line");
        }
        return value;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** Blocks for the next frame; returns at most what is left of one frame, so each is flushed whole. */
    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position == current.length) {
            if (closed && queue.isEmpty()) {
                return -1;
            }
            byte[] next;
            try {
                next = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                return -1;
            }
            if (next == END || (next == null && closed)) {
                return -1;
            }
            current = next == null ? HEARTBEAT : next;
            position = 0;
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return current.length - position;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            queue.clear();
            queue.offer(END);
            onClose.accept(this);
        }
    }
}
