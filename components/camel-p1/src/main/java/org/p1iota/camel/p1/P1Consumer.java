package org.p1iota.camel.p1;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.DefaultConsumer;
import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.RejectReason;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.model.Telegram;
import org.p1iota.camel.p1.parse.StreamDecoder;
import org.p1iota.camel.p1.parse.TelegramListener;
import org.p1iota.camel.p1.source.P1Source;
import org.p1iota.camel.p1.source.SourceReader;

/**
 * Streams telegrams from a P1 source into the route, on one thread from the context's executor
 * service manager. Each valid telegram becomes an exchange; each rejected frame becomes an exchange
 * carrying a {@link P1RejectedFrameException}, so the route's {@code onException} decides. Failures
 * of a route are passed to the consumer's exception handler; nothing stops the reading loop except
 * stopping the consumer. The counters are JMX attributes of the consumer.
 */
@ManagedResource(description = "P1 smart meter consumer")
public class P1Consumer extends DefaultConsumer implements TelegramListener, SourceReader.Events {

    private final P1Source source;
    private final P1Configuration configuration;
    private final AtomicLong telegrams = new AtomicLong();
    private final AtomicLong crcFailures = new AtomicLong();
    private final AtomicLong rejects = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile long telegramsAtConnect;
    /** Wall-clock millis of the last telegram delivered, 0 before the first: health checks report its age. */
    private volatile long lastTelegramMillis;
    private final java.util.Map<RejectReason, AtomicLong> rejectsByReason = new java.util.EnumMap<>(RejectReason.class);
    private volatile boolean connected;
    private volatile String lastError;
    private ExecutorService executor;

    public P1Consumer(P1Endpoint endpoint, Processor processor, P1Source source) {
        super(endpoint, processor);
        this.source = source;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public P1Endpoint getEndpoint() {
        return (P1Endpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        newDecoder(); // fails at start on a malformed key, not in the reading thread
        SourceReader reader = new SourceReader(source, this::newDecoder, this,
                new SourceReader.Timing(configuration.getReconnectDelay(), configuration.getMaxReconnectDelay(),
                        configuration.getReadTimeout(), configuration.getAutoDetectTimeout(), configuration.isRepeat()));
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "p1 " + source.describe());
        executor.execute(() -> reader.run(this::isRunAllowed));
    }

    @Override
    protected void doStop() throws Exception {
        source.close(); // unblocks a read in progress
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        connected = false;
        super.doStop();
    }

    private StreamDecoder newDecoder() {
        return configuration.newDecoder(this);
    }

    @Override
    public void telegram(Telegram telegram, Frame frame) {
        if (!isRunAllowed()) {
            return; // stopping: the route no longer takes exchanges
        }
        telegrams.incrementAndGet();
        lastTelegramMillis = System.currentTimeMillis();
        Exchange exchange = createExchange(false);
        exchange.getIn().setBody(telegram);
        exchange.getIn().setHeader(P1Constants.TIMESTAMP, telegram.timestamp());
        exchange.getIn().setHeader(P1Constants.EQUIPMENT_ID, telegram.equipmentId());
        exchange.getIn().setHeader(P1Constants.CRC, telegram.crc().label());
        exchange.getIn().setHeader(P1Constants.OFFSET, frame.offset());
        exchange.getIn().setHeader(P1Constants.SOURCE, source.describe());
        exchange.getIn().setHeader(P1Constants.RAW, frame.bytes().clone()); // the model keeps the original
        process(exchange);
        if (configuration.getPace() > 0 && source.isReplay() && isRunAllowed()) {
            pause(configuration.getPace());
        }
    }

    @Override
    public void rejected(RejectedFrame frame) {
        if (!isRunAllowed()) {
            return;
        }
        rejects.incrementAndGet();
        synchronized (rejectsByReason) {
            rejectsByReason.computeIfAbsent(frame.reason(), r -> new AtomicLong()).incrementAndGet();
        }
        if (frame.reason() == RejectReason.CRC_MISMATCH) {
            crcFailures.incrementAndGet();
        }
        lastError = frame.describe();
        Exchange exchange = createExchange(false);
        exchange.getIn().setBody(frame.raw());
        exchange.getIn().setHeader(P1Constants.REJECT_REASON, frame.reason());
        exchange.getIn().setHeader(P1Constants.OFFSET, frame.offset());
        exchange.getIn().setHeader(P1Constants.SOURCE, source.describe());
        exchange.setException(new P1RejectedFrameException(frame));
        process(exchange);
    }

    private void process(Exchange exchange) {
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing P1 exchange", exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void connected(String description, boolean afterFailure) {
        if (connections.incrementAndGet() > 1) {
            reconnects.incrementAndGet();
        }
        telegramsAtConnect = telegrams.get();
        connected = true;
    }

    @Override
    public void disconnected(String description, Exception cause) {
        connected = false;
        lastError = cause.toString();
    }

    @Override
    public long telegramsSinceConnect() {
        return telegrams.get() - telegramsAtConnect;
    }

    @ManagedAttribute(description = "Telegrams delivered to the route")
    public long getTelegrams() {
        return telegrams.get();
    }

    @ManagedAttribute(description = "Frames rejected because the CRC did not match")
    public long getCrcFailures() {
        return crcFailures.get();
    }

    @ManagedAttribute(description = "Frames rejected for any reason (CRC, incomplete, oversize, unparsable, decryption)")
    public long getRejects() {
        return rejects.get();
    }

    @ManagedAttribute(description = "Times the source was opened again after it was lost")
    public long getReconnects() {
        return reconnects.get();
    }

    @ManagedAttribute(description = "Whether the source is open now")
    public boolean isConnected() {
        return connected;
    }

    @ManagedAttribute(description = "The source, e.g. serial /dev/ttyUSB0 115200 8N1")
    public String getSourceDescription() {
        return source.describe();
    }

    @ManagedAttribute(description = "The last rejection or connection failure")
    public String getLastError() {
        return lastError;
    }

    /** When the last telegram was delivered (epoch millis), 0 if none yet. */
    @ManagedAttribute(description = "Epoch millis of the last telegram delivered to the route, 0 before the first")
    public long getLastTelegramMillis() {
        return lastTelegramMillis;
    }

    /** Frames rejected since start, per reason (only reasons that occurred). */
    public java.util.Map<RejectReason, Long> rejectsByReason() {
        synchronized (rejectsByReason) {
            java.util.Map<RejectReason, Long> copy = new java.util.EnumMap<>(RejectReason.class);
            rejectsByReason.forEach((reason, count) -> copy.put(reason, count.get()));
            return copy;
        }
    }
}
