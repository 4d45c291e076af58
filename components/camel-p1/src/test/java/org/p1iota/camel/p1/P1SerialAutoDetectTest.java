package org.p1iota.camel.p1;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Profile {@code auto} on a socat pty: while the line carries what a 7E1 meter looks like read as 8N1
 * (no valid frame), the consumer moves on to the next serial setting; once telegrams arrive it keeps
 * the setting that gave them. (A pty ignores line settings, so this shows the rotation and the lock-in,
 * not the electrical effect.)
 */
class P1SerialAutoDetectTest extends CamelTestSupport {

    private Path dir;
    private Path writerEnd;
    private Process socat;

    @BeforeAll
    static void needsSocat() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")) || Files.isExecutable(Path.of("/bin/socat")),
                "socat is not installed");
    }

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        dir = Files.createTempDirectory("p1-auto");
        writerEnd = dir.resolve("meter");
        Path readerEnd = dir.resolve("ttyP1");
        String socatPath = Files.isExecutable(Path.of("/usr/bin/socat")) ? "/usr/bin/socat" : "/bin/socat";
        socat = new ProcessBuilder(socatPath, "pty,raw,echo=0,link=" + writerEnd, "pty,raw,echo=0,link=" + readerEnd)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!(Files.exists(writerEnd) && Files.exists(readerEnd)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("p1:serial:" + readerEnd + "?profile=auto&autoDetectTimeout=600&reconnectDelay=100")
                        .routeId("auto").to("mock:auto");
            }
        };
    }

    @AfterEach
    void stopSocat() throws Exception {
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
        Files.deleteIfExists(dir.resolve("meter"));
        Files.deleteIfExists(dir.resolve("ttyP1"));
        Files.deleteIfExists(dir);
    }

    @Test
    void triesTheNextSettingUntilTelegramsArriveAndKeepsIt() throws Exception {
        P1Consumer consumer = (P1Consumer) context.getRoute("auto").getConsumer();
        byte[] garbled = SharedCorpus.bytes(SharedCorpus.dsmrBad().resolve("serial-7e1-read-as-8n1.bin"));
        byte[] telegram = SharedCorpus.bytes(SharedCorpus.dsmr().resolve("ndokter-telegram-v5.telegram"));
        MockEndpoint received = getMockEndpoint("mock:auto");

        await().atMost(10, TimeUnit.SECONDS).until(consumer::isConnected);
        assertThat(consumer.getSourceDescription()).endsWith("115200 8N1");
        try (OutputStream meter = Files.newOutputStream(writerEnd)) {
            long until = System.currentTimeMillis() + 10_000;
            while (consumer.getSourceDescription().endsWith("115200 8N1") && System.currentTimeMillis() < until) {
                meter.write(garbled);
                meter.flush();
                Thread.sleep(200);
            }
            String settled = consumer.getSourceDescription();
            assertThat(settled).doesNotEndWith("115200 8N1");
            until = System.currentTimeMillis() + 15_000;
            while (received.getReceivedCounter() < 3 && System.currentTimeMillis() < until) {
                meter.write(telegram);
                meter.flush();
                Thread.sleep(100);
            }
            String locked = consumer.getSourceDescription();
            for (int i = 0; i < 10; i++) {
                meter.write(telegram);
                meter.flush();
                Thread.sleep(100);
            }
            assertThat(received.getReceivedCounter()).isGreaterThanOrEqualTo(3);
            assertThat(consumer.getSourceDescription()).as("keeps the setting that gave telegrams").isEqualTo(locked);
        }
    }
}
