package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.iota.jota.utils.Checksum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.InboxJunk;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.camel.iota.IotaConsumer;
import org.p1iota.camel.iota.IotaMamConsumer;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamMode;

/**
 * Issue 12, finding 1, at the component: what a stranger writes to an address (a bundle whose message
 * trytes are no bytes, half a bundle, a bundle that does not validate) and a message the route always
 * fails on must not stop the {@code iota:} consumer, on the embedded node over HTTP; the next genuine
 * message is emitted, also after a consumer restart. The same for a channel followed by {@code iota-mam:}.
 */
class InboxPoisonOnNodeTest {

    private static final int MWM = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path data;
    static RunningNode node;

    @TempDir
    Path state;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeAll
    static void startNode() throws Exception {
        node = RunningNode.start(data.resolve("node"), MWM);
    }

    @AfterAll
    static void stopNode() throws Exception {
        node.close();
    }

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
    }

    private String nodeOptions() {
        return "nodeUrl=http://127.0.0.1:" + node.port + "&minWeightMagnitude=" + MWM + "&localPow=true";
    }

    private static String address(String name) {
        return (name + "9".repeat(81)).substring(0, 81);
    }

    private CamelContext context(RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(routes);
        context.start();
        contexts.add(context);
        return context;
    }

    @Test
    void copiesOfAMessageWithTheSameBundleHashAndOtherContentDoNotHideIt() throws Exception {
        String inbox = address("COPIED9INBOX");
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        CamelContext sender = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("iota:" + inbox + "?" + nodeOptions());
            }
        });
        sender.createProducerTemplate().sendBody("direct:send", "genuine");
        // a stranger reads the genuine bundle and attaches five copies with the same bundle hash
        String genuine = node.jota().getTrytes(node.jota().findTransactionsByAddresses(Checksum.addChecksum(inbox)).getHashes())
                .getTrytes()[0];
        InboxJunk junk = new InboxJunk(node, MWM);
        for (int i = 0; i < 5; i++) {
            junk.store(junk.sameBundleOtherContent(genuine, "forged " + i));
        }
        junk.flush();

        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("iota:" + inbox + "?delay=200&stateDirectory=" + state + "&" + nodeOptions()).routeId("inbox")
                        .process(e -> received.add(e.getMessage().getBody(String.class)));
            }
        });
        await().atMost(WAIT).until(() -> received.size() >= 6);
        assertThat(received).contains("genuine").hasSize(6).doesNotHaveDuplicates();

        // after a restart none of them is new
        context.getRouteController().stopRoute("inbox");
        context.getRouteController().startRoute("inbox");
        sender.createProducerTemplate().sendBody("direct:send", "after the restart");
        await().atMost(WAIT).until(() -> received.contains("after the restart"));
        assertThat(received).hasSize(7);
    }

    @Test
    void junkHalfAndInvalidBundlesAreDroppedAndTheNextMessageIsEmittedAlsoAfterARestart() throws Exception {
        String inbox = address("JUNKED9INBOX");
        InboxJunk junk = new InboxJunk(node, MWM);
        Random random = new Random(12);
        junk.store(junk.nonByteTrytes(inbox, random, 4001));
        junk.store(junk.halfBundle(inbox, random));
        junk.store(junk.invalidBundle(inbox, "{\"type\":\"CLAIM_DEVICE\"}"));
        junk.flush();
        Thread.sleep(5); // the genuine message is attached after the junk: it is read after it

        List<String> received = Collections.synchronizedList(new ArrayList<>());
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("iota:" + inbox + "?" + nodeOptions());
                from("iota:" + inbox + "?delay=200&stateDirectory=" + state + "&" + nodeOptions()).routeId("inbox")
                        .process(e -> received.add(e.getMessage().getBody(String.class)));
            }
        });
        context.createProducerTemplate().sendBody("direct:send", "genuine");
        await().atMost(WAIT).until(() -> received.contains("genuine"));
        IotaConsumer consumer = (IotaConsumer) context.getRoute("inbox").getConsumer();
        assertThat(consumer.getUndecodableMessages()).as("the bundle of non-byte trytes").isEqualTo(1);
        assertThat(consumer.getInvalidBundles()).as("the bundle that does not validate").isEqualTo(1);

        // restart: the junk is not read as new, and nothing blocks the next message
        context.getRouteController().stopRoute("inbox");
        context.getRouteController().startRoute("inbox");
        context.createProducerTemplate().sendBody("direct:send", "after the restart");
        await().atMost(WAIT).until(() -> received.contains("after the restart"));
        assertThat(received).containsExactly("genuine", "after the restart");
        consumer = (IotaConsumer) context.getRoute("inbox").getConsumer();
        assertThat(consumer.getUndecodableMessages()).as("handled before the restart: not read again").isZero();
    }

    @Test
    void aMessageTheRouteAlwaysFailsOnIsRetriedThenDroppedAndATransientFailureIsRetriedInOrder() throws Exception {
        String inbox = address("POISONED9INBOX");
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger poisonAttempts = new AtomicInteger();
        AtomicInteger flakyAttempts = new AtomicInteger();
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("iota:" + inbox + "?" + nodeOptions());
                from("iota:" + inbox + "?delay=200&stateDirectory=" + state + "&" + nodeOptions()).routeId("inbox")
                        .process(e -> {
                            String body = e.getMessage().getBody(String.class);
                            if (body.equals("poison")) {
                                poisonAttempts.incrementAndGet();
                                throw new IllegalStateException("this route always fails on poison");
                            }
                            if (body.equals("flaky") && flakyAttempts.incrementAndGet() <= 2) {
                                throw new IllegalStateException("node outage while replying");
                            }
                            received.add(body);
                        });
            }
        });
        for (String body : List.of("poison", "flaky", "genuine")) {
            context.createProducerTemplate().sendBody("direct:send", body);
            Thread.sleep(5);
        }
        await().atMost(WAIT).until(() -> received.contains("genuine"));
        assertThat(received).as("the transient failure retried, in order").containsExactly("flaky", "genuine");
        assertThat(flakyAttempts).hasValue(3);
        IotaConsumer consumer = (IotaConsumer) context.getRoute("inbox").getConsumer();
        assertThat(poisonAttempts).as("1 + maxRedeliveries (default)").hasValue(1 + consumer.getEndpoint().getMaxRedeliveries());
        assertThat(consumer.getFailedMessages()).isEqualTo(1);

        context.getRouteController().stopRoute("inbox");
        context.getRouteController().startRoute("inbox");
        context.createProducerTemplate().sendBody("direct:send", "after the restart");
        await().atMost(WAIT).until(() -> received.contains("after the restart"));
        assertThat(poisonAttempts).as("dropped for good: not retried after the restart").hasValue(6);
    }

    @Test
    void aChannelMessageThatDoesNotDecodeOrAlwaysFailsDoesNotStopTheFollower() throws Exception {
        String seed = InboxJunk.randomTrytes(new Random(7), 81);
        String root = new MamChannel(ChannelState.initial(seed, MamMode.PRIVATE, null, 1)).root();
        String publish = "iota-mam:poisoned?mode=private&security=1&seed=" + seed + "&stateDirectory=" + state.resolve("pub") + "&"
                + nodeOptions();
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger poisonAttempts = new AtomicInteger();
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").to(publish);
                from("direct:trytes").to(publish + "&messageFormat=TRYTES");
                from("iota-mam:follow?mode=private&root=" + root + "&delay=200&stateDirectory=" + state.resolve("follow") + "&"
                        + nodeOptions()).routeId("follower")
                        .process(e -> {
                            String body = e.getMessage().getBody(String.class);
                            if (body.equals("poison")) {
                                poisonAttempts.incrementAndGet();
                                throw new IllegalStateException("this route always fails on poison");
                            }
                            received.add(body);
                        });
            }
        });
        var template = context.createProducerTemplate();
        template.sendBody("direct:trytes", InboxJunk.randomTrytes(new Random(8), 4000) + "Z"); // Z9 is no byte
        template.sendBody("direct:text", "poison");
        template.sendBody("direct:text", "genuine");
        await().atMost(WAIT).until(() -> received.contains("genuine"));
        assertThat(received).containsExactly("genuine");
        IotaMamConsumer follower = (IotaMamConsumer) context.getRoute("follower").getConsumer();
        assertThat(follower.getUndecodableMessages()).isEqualTo(1);
        assertThat(follower.getFailedMessages()).isEqualTo(1);
        assertThat(poisonAttempts).hasValue(6);
    }
}
