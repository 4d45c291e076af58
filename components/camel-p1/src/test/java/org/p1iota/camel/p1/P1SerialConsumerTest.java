package org.p1iota.camel.p1;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.p1iota.camel.p1.model.Telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real serial port: socat makes a pty pair, the test writes the Iskra capture into one end at the
 * speed of a 115200-baud line, and the p1 consumer reads the other end through jSerialComm. Then the
 * writer (socat, and with it the port) disappears and comes back; reading resumes by itself.
 * Skipped only where socat is not installed (CI installs it).
 */
class P1SerialConsumerTest extends CamelTestSupport {

    private static final int BAUD = 115200;
    private static final int BYTES_PER_SECOND = BAUD / 10; // 8N1: 10 bits on the wire per byte
    private static final int FIRST_PHASE = 100;
    private static final int SECOND_PHASE = 40;

    private final byte[] capture = SharedCorpus.bytes(SharedCorpus.dsmr().resolve("streams/basjes-ttyusb0-raw.crlf.txt"));
    private Path dir;
    private Path writerEnd;
    private Path readerEnd;
    private Process socat;

    @BeforeAll
    static void needsSocat() {
        assumeTrue(socatPath() != null, "socat is not installed");
    }

    private static String socatPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return Path.of(dir, "socat").toString();
            }
        }
        return null;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        dir = Files.createTempDirectory("p1-serial");
        writerEnd = dir.resolve("meter");
        readerEnd = dir.resolve("ttyP1");
        startSocat();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("p1:serial:" + readerEnd + "?profile=dsmr5&reconnectDelay=200&maxReconnectDelay=800")
                        .routeId("serial").to("mock:serial");
            }
        };
    }

    @AfterEach
    void stopSocat() throws Exception {
        if (socat != null) {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
        if (dir != null) {
            Files.deleteIfExists(writerEnd);
            Files.deleteIfExists(readerEnd);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void readsEveryTelegramAndResumesAfterThePortDisappearsAndComesBack() throws Exception {
        MockEndpoint serial = getMockEndpoint("mock:serial");
        P1Consumer consumer = (P1Consumer) context.getRoute("serial").getConsumer();
        List<Integer> starts = telegramStarts();

        await().atMost(10, TimeUnit.SECONDS).until(consumer::isConnected);
        writePaced(0, starts.get(FIRST_PHASE)); // the 320-byte fragment, then 100 whole telegrams
        await().atMost(20, TimeUnit.SECONDS).until(() -> serial.getReceivedCounter() == FIRST_PHASE);

        socat.destroy(); // the meter side goes away: the port vanishes
        socat.waitFor(5, TimeUnit.SECONDS);
        await().atMost(10, TimeUnit.SECONDS).until(() -> !consumer.isConnected());
        Thread.sleep(1000); // a few failed reopen attempts
        startSocat();
        await().atMost(15, TimeUnit.SECONDS).until(() -> consumer.isConnected() && consumer.getReconnects() >= 1);

        writePaced(starts.get(FIRST_PHASE), starts.get(FIRST_PHASE + SECOND_PHASE));
        await().atMost(20, TimeUnit.SECONDS).until(() -> serial.getReceivedCounter() == FIRST_PHASE + SECOND_PHASE);

        Telegram first = serial.getExchanges().get(0).getIn().getBody(Telegram.class);
        Telegram last = serial.getExchanges().get(FIRST_PHASE + SECOND_PHASE - 1).getIn().getBody(Telegram.class);
        assertThat(first.header()).isEqualTo("/ISK5\\2M550T-1012");
        assertThat(last.timestamp()).isAfter(first.timestamp());
        assertThat(consumer.getRejects()).isZero();
        assertThat(consumer.getTelegrams()).isEqualTo(FIRST_PHASE + SECOND_PHASE);
    }

    private void startSocat() throws IOException, InterruptedException {
        socat = new ProcessBuilder(socatPath(), "-d", "-d", "pty,raw,echo=0,link=" + writerEnd, "pty,raw,echo=0,link=" + readerEnd)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!(Files.exists(writerEnd) && Files.exists(readerEnd))) {
            if (System.currentTimeMillis() > deadline || !socat.isAlive()) {
                throw new IllegalStateException("socat did not create its pty pair");
            }
            Thread.sleep(20);
        }
    }

    /** Writes capture[from, to) into the meter end, 1/20 s worth of 115200-baud bytes at a time. */
    private void writePaced(int from, int to) throws Exception {
        int chunk = BYTES_PER_SECOND / 20;
        try (OutputStream meter = Files.newOutputStream(writerEnd)) {
            long start = System.nanoTime();
            for (int at = from; at < to; at += chunk) {
                meter.write(capture, at, Math.min(chunk, to - at));
                meter.flush();
                long due = start + (long) (at - from + chunk) * 1_000_000_000L / BYTES_PER_SECOND;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        }
    }

    private List<Integer> telegramStarts() {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < capture.length; i++) {
            if (capture[i] == '/') {
                starts.add(i);
            }
        }
        starts.add(capture.length);
        return starts;
    }
}
