package org.p1iota.camel.p1.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.p1iota.camel.p1.parse.StreamDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps reading a {@link P1Source}: open, feed every byte to a fresh decoder, and when the source fails
 * or goes silent, close it and open it again after a backoff that doubles up to a maximum. A failure is
 * logged once (at WARN) until the source works again, which is logged at INFO; repeats go to DEBUG.
 * Runs until {@code running} turns false or a replayed file ends.
 */
public final class SourceReader {

    private static final Logger LOG = LoggerFactory.getLogger(SourceReader.class);

    /** What the reader reports to its owner. */
    public interface Events {
        void connected(String source, boolean afterFailure);

        void disconnected(String source, Exception cause);

        /** Telegrams decoded so far on this connection (auto-detection asks). */
        long telegramsSinceConnect();
    }

    /** Timing options. */
    public record Timing(long reconnectDelay, long maxReconnectDelay, long readTimeout, long autoDetectTimeout,
            boolean repeatReplay) {
    }

    private final P1Source source;
    private final Supplier<StreamDecoder> decoders;
    private final Events events;
    private final Timing timing;

    public SourceReader(P1Source source, Supplier<StreamDecoder> decoders, Events events, Timing timing) {
        this.source = source;
        this.decoders = decoders;
        this.events = events;
        this.timing = timing;
    }

    /** Reads until {@code running} is false (or a replay ends). Never throws. */
    public void run(BooleanSupplier running) {
        long backoff = timing.reconnectDelay();
        boolean failing = false;
        while (running.getAsBoolean()) {
            StreamDecoder decoder = decoders.get();
            try {
                InputStream in = source.open();
                if (failing) {
                    LOG.info("P1 source {} is back", source.describe());
                }
                events.connected(source.describe(), failing);
                failing = false;
                backoff = timing.reconnectDelay();
                boolean ended = pump(in, decoder, running);
                if (!ended) {
                    return;
                }
                decoder.finish();
                if (source.isReplay()) {
                    if (!timing.repeatReplay()) {
                        LOG.info("P1 replay {} finished", source.describe());
                        return;
                    }
                    continue;
                }
                throw new EOFException("closed by the other side");
            } catch (WrongSettingsException e) {
                SerialSource serial = (SerialSource) source;
                source.close();
                LOG.info("P1 source {}: {}; trying {}", source.describe(), e.getMessage(), serial.tryNextSettings());
                continue;
            } catch (IOException | RuntimeException e) {
                if (!running.getAsBoolean()) {
                    return; // stopping closed the source: nothing was lost that anyone waits for
                }
                decoder.finish();
                events.disconnected(source.describe(), e);
                if (!failing) {
                    LOG.warn("P1 source {} unavailable ({}); retrying every {}..{} ms until it is back",
                            source.describe(), describe(e), timing.reconnectDelay(), timing.maxReconnectDelay());
                    failing = true;
                } else {
                    LOG.debug("P1 source {} still unavailable: {}", source.describe(), describe(e));
                }
            } finally {
                source.close();
            }
            if (!sleep(backoff, running)) {
                return;
            }
            backoff = Math.min(backoff * 2, timing.maxReconnectDelay());
        }
    }

    /** Reads until the stream ends (true) or {@code running} turns false (false). */
    private boolean pump(InputStream in, StreamDecoder decoder, BooleanSupplier running) throws IOException {
        byte[] buffer = new byte[4096];
        long opened = System.nanoTime();
        long lastData = opened;
        boolean detecting = source instanceof SerialSource serial && serial.hasAlternatives();
        while (running.getAsBoolean()) {
            int n;
            try {
                n = in.read(buffer);
            } catch (InterruptedIOException timeout) {
                n = 0;
            }
            long now = System.nanoTime();
            if (n < 0) {
                return true;
            }
            if (n > 0) {
                lastData = now;
                decoder.feed(buffer, 0, n);
            } else if (timing.readTimeout() > 0 && millis(now - lastData) > timing.readTimeout()) {
                throw new IOException("no data for " + timing.readTimeout() + " ms");
            }
            if (detecting) {
                if (events.telegramsSinceConnect() > 0) {
                    detecting = false;
                    LOG.info("P1 source {}: valid telegrams with these settings", source.describe());
                } else if (millis(now - opened) > timing.autoDetectTimeout()) {
                    throw new WrongSettingsException("no valid telegram within " + timing.autoDetectTimeout() + " ms ("
                            + decoder.skippedBytes() + " bytes without a frame)");
                }
            }
        }
        return false;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static boolean sleep(long millis, BooleanSupplier running) {
        long until = System.currentTimeMillis() + millis;
        try {
            while (running.getAsBoolean()) {
                long left = until - System.currentTimeMillis();
                if (left <= 0) {
                    return true;
                }
                Thread.sleep(Math.min(left, 100));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The current serial settings yield nothing valid: try the next ones. */
    private static final class WrongSettingsException extends IOException {
        WrongSettingsException(String message) {
            super(message);
        }
    }
}
