package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** Events reach a real HTTP client through camel-jetty while the response stays open. */
class ServerSentEventsTest extends JettyRouteTestSupport {

    private final ServerSentEvents events = new ServerSentEvents(Duration.ofMillis(300), 4);

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("headerHygiene", new HeaderHygiene());
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(jetty("/api/readings/stream?useContinuation=false&headerFilterStrategy=#headerHygiene"))
                        .process(new SecurityHeaders())
                        .process(exchange -> {
                            String household = HttpRequests.queryParameters(exchange).get("household");
                            events.respond(exchange, household::equals);
                        });
            }
        };
    }

    private HttpResponse<Stream<String>> open(String household, BlockingQueue<String> lines) throws Exception {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(
                URI.create(base() + "/api/readings/stream?household=" + household)).build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the test closes the stream to leave; awaitility would report the reader's exception
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return response;
    }

    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        String line;
        do {
            line = lines.poll(5, TimeUnit.SECONDS);
            assertThat(line).as("a line within 5 s").isNotNull();
        } while (line.isEmpty() || line.startsWith(":"));
        return line;
    }

    @Test
    void eachEventArrivesWhileTheStreamStaysOpenAndOnlyForItsTopic() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = open("h1", lines);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.subscribers() == 1);

        events.publish("h1", "reading", "1", "{\"powerImportW\":432}");
        assertThat(next(lines)).isEqualTo("id: 1");
        assertThat(next(lines)).isEqualTo("event: reading");
        assertThat(next(lines)).isEqualTo("data: {\"powerImportW\":432}");

        events.publish("h2", "reading", "2", "{\"other\":true}");
        events.publish("h1", "status", null, "{\"state\":\"revoked\"}");
        assertThat(next(lines)).isEqualTo("event: status");
        assertThat(next(lines)).isEqualTo("data: {\"state\":\"revoked\"}");
    }

    @Test
    void heartbeatsKeepAnIdleStreamAliveAndAGoneClientIsDropped() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = open("h1", lines);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains(": keep-alive"));

        response.body().close();

        await().atMost(Duration.ofSeconds(10)).until(() -> events.subscribers() == 0);
    }

    @Test
    void framesSplitLinesAndRefuseBrokenNames() {
        assertThat(new String(EventStream.frame("reading", "7", "a\nb"), StandardCharsets.UTF_8))
                .isEqualTo("id: 7\nevent: reading\ndata: a\ndata: b\n\n");
        assertThatThrownBy(() -> EventStream.frame("read\ning", null, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClientThatCannotKeepUpIsClosedInsteadOfBuffered() {
        EventStream slow = events.subscribe(topic -> true);
        for (int i = 0; i < 5; i++) {
            events.publish("h1", "reading", String.valueOf(i), "{}");
        }
        assertThat(events.subscribers()).isZero();
        assertThat(slow.read(new byte[64], 0, 64)).isEqualTo(-1);
    }
}
