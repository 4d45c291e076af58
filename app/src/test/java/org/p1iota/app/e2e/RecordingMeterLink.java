package org.p1iota.app.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.FrameSink;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.frame.TelegramFramer;

/**
 * The cable between the meter and the device: a loopback TCP relay that forwards every byte the meter
 * sends and keeps each complete telegram with the moment it passed, so a test knows exactly what the
 * meter sent and when, without trusting the device's own account of it.
 */
final class RecordingMeterLink implements AutoCloseable {

    /** A telegram as it left the meter. */
    record Sent(Instant at, String raw) {
        MeterValues values() {
            return MeterValues.of(raw);
        }
    }

    private final int meterPort;
    private final ServerSocket server;
    private final List<Sent> sent = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "meter-link");
        thread.setDaemon(true);
        return thread;
    });

    RecordingMeterLink(int meterPort) throws IOException {
        this.meterPort = meterPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized int count() {
        return sent.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket device = server.accept();
                threads.execute(() -> relay(device));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void relay(Socket device) {
        TelegramFramer framer = new TelegramFramer(new FrameSink() {
            @Override
            public void frame(Frame frame) {
                record(new Sent(Instant.now(), new String(frame.bytes(), StandardCharsets.ISO_8859_1)));
            }

            @Override
            public void rejected(RejectedFrame rejected) {
                // the first bytes of a connection may be a telegram's tail
            }
        });
        try (device; Socket meter = new Socket(InetAddress.getLoopbackAddress(), meterPort);
                InputStream in = meter.getInputStream(); OutputStream out = device.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0 && !server.isClosed(); n = in.read(buffer)) {
                framer.feed(buffer, 0, n);
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the device or the meter went away; the device reconnects on its own
        }
    }

    private synchronized void record(Sent telegram) {
        sent.add(telegram);
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
