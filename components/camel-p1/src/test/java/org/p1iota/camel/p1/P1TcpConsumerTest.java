package org.p1iota.camel.p1;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real TCP server plays a ser2net dongle: the consumer connects, reads telegrams, survives the
 * server closing the connection and going away, and reconnects by itself. Counters are JMX attributes.
 */
class P1TcpConsumerTest extends CamelTestSupport {

    private ServerSocket server;
    private final byte[] telegram = SharedCorpus.bytes(SharedCorpus.dsmr().resolve("ndokter-telegram-v5.telegram"));
    private final byte[] badCrc = SharedCorpus.bytes(SharedCorpus.dsmrBad().resolve("bad-crc-digit.bin"));

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        int port = server.getLocalPort();
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(P1RejectedFrameException.class).handled(true).to("mock:rejected");
                from("p1:tcp:127.0.0.1:" + port + "?reconnectDelay=100&maxReconnectDelay=400").routeId("tcp").to("mock:telegrams");
            }
        };
    }

    @AfterEach
    void closeServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readsTelegramsAndReconnectsAfterTheServerGoesAwayAndComesBack() throws Exception {
        MockEndpoint telegrams = getMockEndpoint("mock:telegrams");
        int port = server.getLocalPort();
        try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
            out.write("tail of an earlier telegram\r\n!1234\r\n".getBytes());
            out.write(telegram);
            out.write(badCrc);
            out.write(telegram);
            out.flush();
            await().atMost(10, TimeUnit.SECONDS).until(() -> telegrams.getReceivedCounter() == 2);
        }
        server.close(); // the dongle disappears: connection refused for a while
        Thread.sleep(600);
        server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
            out.write(telegram);
            out.flush();
            await().atMost(10, TimeUnit.SECONDS).until(() -> telegrams.getReceivedCounter() == 3);
        }
        assertThat(getMockEndpoint("mock:rejected").getReceivedCounter()).isEqualTo(1);

        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = mbeans.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        ObjectName p1 = names.stream().filter(n -> n.toString().contains("P1Consumer")).findFirst().orElseThrow();
        assertThat(mbeans.getAttribute(p1, "Telegrams")).isEqualTo(3L);
        assertThat(mbeans.getAttribute(p1, "CrcFailures")).isEqualTo(1L);
        assertThat(mbeans.getAttribute(p1, "Rejects")).isEqualTo(1L);
        assertThat((Long) mbeans.getAttribute(p1, "Reconnects")).isGreaterThanOrEqualTo(1L);
    }
}
