package org.p1iota.camel.p1;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.p1iota.camel.p1.frame.RejectReason;
import org.p1iota.camel.p1.model.Telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * File replay through routes: the 566-telegram capture, rejected frames to onException with reason and
 * offset, pacing, and lenient mode.
 */
class P1FileConsumerTest extends CamelTestSupport {

    private static final Path CAPTURE = SharedCorpus.dsmr().resolve("streams/basjes-ttyusb0-raw.crlf.txt");
    private static final Path BAD_CRC = SharedCorpus.dsmrBad().resolve("bad-crc-digit.bin");
    private static final Path TRUNCATED_THEN_GOOD = SharedCorpus.dsmrBad().resolve("truncated-then-good.bin");
    private static final Path SPEC_EXAMPLE = SharedCorpus.dsmr().resolve("athombv-dsmr-5-0-spec-example-lowercase.crlf.telegram");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(P1RejectedFrameException.class).handled(true).to("mock:rejected");
                from("p1:file:" + CAPTURE).routeId("capture").to("mock:capture");
                from("p1:file:" + TRUNCATED_THEN_GOOD).routeId("truncated").to("mock:truncated");
                from("p1:file:" + BAD_CRC).routeId("badcrc").to("mock:badcrc");
                from("p1:file:" + SPEC_EXAMPLE + "?lenient=true").routeId("lenient").to("mock:lenient");
                from("p1:file:" + SharedCorpus.dsmr().resolve("ndokter-telegram-v5.telegram") + "?pace=300&repeat=true")
                        .routeId("paced").to("mock:paced");
            }
        };
    }

    @Test
    void replaysEveryTelegramOfTheCaptureWithHeaders() throws Exception {
        // routes start before the test method, so wait on what arrived rather than on mock expectations
        MockEndpoint capture = getMockEndpoint("mock:capture");
        await().atMost(20, TimeUnit.SECONDS).until(() -> capture.getReceivedCounter() >= 566);
        Thread.sleep(200);
        assertThat(capture.getReceivedCounter()).isEqualTo(566);
        Exchange first = capture.getExchanges().get(0);
        assertThat(first.getIn().getBody()).isInstanceOf(Telegram.class);
        assertThat(first.getIn().getHeader(P1Constants.TIMESTAMP, OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.parse("2019-03-24T15:05:19+01:00"));
        assertThat(first.getIn().getHeader(P1Constants.CRC)).isEqualTo("valid");
        assertThat(first.getIn().getHeader(P1Constants.OFFSET, Long.class)).isEqualTo(320L);
        assertThat(first.getIn().getHeader(P1Constants.RAW, byte[].class)).startsWith((byte) '/');
    }

    @Test
    void rejectedFramesGoToOnExceptionWithReasonOffsetAndBytes() throws Exception {
        MockEndpoint truncated = getMockEndpoint("mock:truncated");
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        await().atMost(10, TimeUnit.SECONDS).until(() -> truncated.getReceivedCounter() == 1 && rejected.getReceivedCounter() >= 2);

        assertThat(rejected.getExchanges()).anySatisfy(e -> {
            P1RejectedFrameException cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, P1RejectedFrameException.class);
            assertThat(cause.reason()).isEqualTo(RejectReason.CRC_MISMATCH);
            assertThat(cause.offset()).isZero();
            assertThat(e.getIn().getHeader(P1Constants.REJECT_REASON)).isEqualTo(RejectReason.CRC_MISMATCH);
        });
        assertThat(rejected.getExchanges()).anySatisfy(e -> {
            P1RejectedFrameException cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, P1RejectedFrameException.class);
            assertThat(cause.reason()).isEqualTo(RejectReason.INCOMPLETE);
            assertThat(cause.raw()).hasSize(400);
        });
        await().atMost(5, TimeUnit.SECONDS).until(() -> consumer("badcrc").getCrcFailures() == 1);
        assertThat(consumer("badcrc").getRejects()).isEqualTo(1);
        assertThat(consumer("badcrc").getTelegrams()).isZero();
        assertThat(getMockEndpoint("mock:badcrc").getReceivedCounter()).isZero();
    }

    @Test
    void lenientModeDeliversACrcFailureMarkedInvalid() throws Exception {
        MockEndpoint lenient = getMockEndpoint("mock:lenient");
        await().atMost(10, TimeUnit.SECONDS).until(() -> lenient.getReceivedCounter() == 1);
        assertThat(lenient.getExchanges().get(0).getIn().getHeader(P1Constants.CRC)).isEqualTo("invalid");
    }

    @Test
    void pacedReplayKeepsItsPace() {
        MockEndpoint paced = getMockEndpoint("mock:paced");
        await().atMost(10, TimeUnit.SECONDS).until(() -> paced.getReceivedCounter() >= 4);
        Exchange second = paced.getExchanges().get(1);
        Exchange fourth = paced.getExchanges().get(3);
        long millis = fourth.getClock().getCreated() - second.getClock().getCreated();
        assertThat(millis).isGreaterThanOrEqualTo(2 * 300 - 50);
    }

    private P1Consumer consumer(String routeId) {
        return (P1Consumer) context.getRoute(routeId).getConsumer();
    }
}
