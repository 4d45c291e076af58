package org.p1iota.app.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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

    private SimulatedMeter(MeterTelegrams telegrams, Duration pace, Clock clock, ServerSocket server) {
        this.telegrams = telegrams;
        this.pace = pace;
        this.clock = clock;
        this.server = server;
        this.started = ZonedDateTime.now(clock);
    }

    /** @param port 0 for any free port */
    public static SimulatedMeter start(MeterTelegrams telegrams, int port, Duration pace, Clock clock) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        SimulatedMeter meter = new SimulatedMeter(telegrams, pace, clock, server);
        meter.threads.execute(meter::acceptClients);
        return meter;
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
                Thread.sleep(pace.toMillis());
            }
        } catch (IOException e) {
            LOG.debug("Simulated meter: client {} went away: {}", client.getRemoteSocketAddress(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
