package org.p1iota.camel.p1.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where P1 bytes come from: a serial port, a TCP socket or a file. The consumer opens it, reads until
 * the stream ends or fails, closes it, and opens it again after a backoff.
 * <p>
 * Reads on live sources time out after a short poll interval (with {@link java.io.InterruptedIOException}
 * or a 0-byte read), so the consumer can notice a stop or a silent line.
 */
public interface P1Source extends AutoCloseable {

    /** Opens a fresh connection. */
    InputStream open() throws IOException;

    /** Closes the current connection, if any; safe to call at any time, from any thread. */
    @Override
    void close();

    /** For logs: {@code serial /dev/ttyUSB0 115200 8N1}, {@code tcp 192.168.1.20:23}, {@code file ...}. */
    String describe();

    /** True for a recorded file: its end is the end of the data, not a lost connection. */
    default boolean isReplay() {
        return false;
    }
}
