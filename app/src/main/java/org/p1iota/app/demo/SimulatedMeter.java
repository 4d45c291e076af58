package org.p1iota.app.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A smart meter behind a Wi-Fi P1 dongle: a TCP server on loopback that sends one telegram per
 * {@code pace} to whoever connects, so the demo's device reads it through its normal {@code p1:tcp}
 * path. Telegrams count on across reconnects, as a real meter's do.
 */
public final class SimulatedMeter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedMeter.class);

    private final MeterTelegrams telegrams;
    private final Duration pace;
    private final Clock clock;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "simulated-meter");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong sent = new AtomicLong();
    private final ZonedDateTime started;
    private final Path state;

    private SimulatedMeter(MeterTelegrams telegrams, Duration pace, Clock clock, ServerSocket server, long sentBefore, Path state) {
        this.telegrams = telegrams;
        this.pace = pace;
        this.clock = clock;
        this.server = server;
        this.state = state;
        this.sent.set(sentBefore);
        // the gas register grows with the meter's running time: a restart continues where it stopped
        this.started = ZonedDateTime.now(clock).minus(pace.multipliedBy(sentBefore));
    }

    /**
     * A meter that remembers in {@code state} how many telegrams it sent, and goes on from there after
     * a restart: totals never go back (issue 16: the demo's second start replayed the capture from its
     * first telegram, 6657.508 -> 6657.459 kWh).
     */
    public static SimulatedMeter start(MeterTelegrams telegrams, int port, Duration pace, Clock clock, Path state)
            throws IOException {
        long sentBefore = 0;
        if (state != null && Files.exists(state)) {
            try {
                sentBefore = Math.max(0, Long.parseLong(Files.readString(state).strip()));
            } catch (NumberFormatException e) {
                LOG.warn("Simulated meter: {} is not a count of telegrams; starting the capture again", state);
            }
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        SimulatedMeter meter = new SimulatedMeter(telegrams, pace, clock, server, sentBefore, state);
        meter.threads.execute(meter::acceptClients);
        return meter;
    }

    /** @param port 0 for any free port */
    public static SimulatedMeter start(MeterTelegrams telegrams, int port, Duration pace, Clock clock) throws IOException {
        return start(telegrams, port, pace, clock, null);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Telegrams sent so far, to every client together. */
    public long telegramsSent() {
        return sent.get();
    }

    private void acceptClients() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("Simulated meter: accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client; OutputStream out = client.getOutputStream()) {
            while (!server.isClosed()) {
                long number = sent.getAndIncrement();
                out.write(telegrams.telegram(number, ZonedDateTime.now(clock), started));
                out.flush();
                remember(number + 1);
                Thread.sleep(pace.toMillis());
            }
        } catch (IOException e) {
            LOG.debug("Simulated meter: client {} went away: {}", client.getRemoteSocketAddress(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the count beside the demo's data (a small file, replaced whole: never half written). */
    private synchronized void remember(long count) {
        if (state == null) {
            return;
        }
        try {
            Path temporary = state.resolveSibling(state.getFileName() + ".tmp");
            Files.writeString(temporary, Long.toString(Math.max(count, sent.get())));
            Files.move(temporary, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("Simulated meter: cannot remember the telegram count in {}: {}", state, e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
