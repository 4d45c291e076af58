package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.app.tools.bench.CountingNodeProxy;
import org.p1iota.app.tools.bench.SimulatedChannels;
import org.p1iota.camel.iota.IotaMamConstants;
import org.p1iota.camel.iota.IotaMamOperation;
import org.p1iota.iota.pow.ProofOfWorkEngines;
import org.p1iota.iota.tangle.TryteCodec;

/**
 * One iota-mam consumer follows many channels of the embedded node over HTTP, through a proxy that
 * counts the node calls: the channels' addresses go to the node together (in lists of at most
 * maxAddressesPerRequest), so catching up on every channel costs fewer findTransactions than there are
 * channels, where following them one by one costs at least one per channel and message; every message
 * arrives once and in order; and the first node of nodeUrls being down changes nothing.
 */
class ManyChannelsOnNodeTest {

    private static final int MWM = 1;
    private static final int CHANNELS = 30;
    private static final int LIST_LIMIT = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void manyChannelsAreFollowedInFewNodeCallsWithEveryMessageOnceAndInOrder() throws Exception {
        List<SimulatedChannels.Channel> channels = SimulatedChannels.make(CHANNELS, 3, MWM, ProofOfWorkEngines.defaultEngine(1),
                (c, m) -> TryteCodec.encode("channel " + c + " message " + m), new SecureRandom());
        try (RunningNode node = RunningNode.start(data.resolve("node"), MWM);
                CountingNodeProxy proxy = CountingNodeProxy.start("http://127.0.0.1:" + node.port)) {
            for (SimulatedChannels.Channel channel : channels) {
                store(node, channel.messages().get(0));
                store(node, channel.messages().get(1));
            }
            Map<String, List<String>> received = new ConcurrentHashMap<>();
            CamelContext follower = new DefaultCamelContext();
            // the first node never answers: every call goes on to the second at once
            String endpoint = "iota-mam:many?stateDirectory=" + data.resolve("follow") + "&nodeUrls=http://127.0.0.1:"
                    + RunningNode.freePort() + "," + proxy.url() + "&retryAttempts=2&retryInitialDelay=100";
            follower.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(endpoint + "&delay=100&maxQuietDelay=400&maxAddressesPerRequest=" + LIST_LIMIT).routeId("follow")
                            .autoStartup(false).process(e -> received.computeIfAbsent(
                                    e.getMessage().getHeader(IotaMamConstants.SUBSCRIPTION, String.class),
                                    k -> new CopyOnWriteArrayList<>()).add(e.getMessage().getBody(String.class)));
                }
            });
            follower.start();
            try {
                subscribeAllAndStart(follower, endpoint, channels);
                await().atMost(60, TimeUnit.SECONDS).until(() -> total(received) >= 2 * CHANNELS);
                long findsToCatchUp = proxy.calls("findTransactions");
                // one by one: at least 3 per channel (two messages and the empty address after them)
                assertThat(findsToCatchUp).as("findTransactions to read 2 messages of each of %d channels", CHANNELS)
                        .isLessThan(CHANNELS);
                assertThat(proxy.longestAddressList()).isBetween(2, LIST_LIMIT);

                for (SimulatedChannels.Channel channel : channels) {
                    store(node, channel.messages().get(2));
                }
                await().atMost(60, TimeUnit.SECONDS).until(() -> total(received) >= 3 * CHANNELS);
                Thread.sleep(500);
            } finally {
                follower.close();
            }
            for (int c = 0; c < CHANNELS; c++) {
                assertThat(received.get("household-" + c)).as("channel %d", c).containsExactly(
                        "channel " + c + " message 0", "channel " + c + " message 1", "channel " + c + " message 2");
            }
        }
    }

    @Test
    void parallelChannelsReadSideBySideAndEachChannelStaysInOrder() throws Exception {
        int channelCount = 12;
        List<SimulatedChannels.Channel> channels = SimulatedChannels.make(channelCount, 3, MWM, ProofOfWorkEngines.defaultEngine(1),
                (c, m) -> TryteCodec.encode("channel " + c + " message " + m), new SecureRandom());
        try (RunningNode node = RunningNode.start(data.resolve("node"), MWM)) {
            for (SimulatedChannels.Channel channel : channels) {
                for (List<String> message : channel.messages()) {
                    store(node, message);
                }
            }
            Map<String, List<String>> received = new ConcurrentHashMap<>();
            java.util.Set<String> threads = ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
            CamelContext follower = new DefaultCamelContext();
            String endpoint = "iota-mam:parallel?stateDirectory=" + data.resolve("follow") + "&nodeUrl=http://127.0.0.1:" + node.port;
            follower.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(endpoint + "&delay=100&maxQuietDelay=400&parallelChannels=4").routeId("follow").autoStartup(false)
                            .process(e -> {
                                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                                threads.add(Thread.currentThread().getName());
                                Thread.sleep(50); // a route that takes its time, e.g. a database commit
                                received.computeIfAbsent(e.getMessage().getHeader(IotaMamConstants.SUBSCRIPTION, String.class),
                                        k -> new CopyOnWriteArrayList<>()).add(e.getMessage().getBody(String.class));
                                inFlight.decrementAndGet();
                            });
                }
            });
            follower.start();
            try {
                subscribeAllAndStart(follower, endpoint, channels);
                await().atMost(60, TimeUnit.SECONDS).until(() -> total(received) >= 3 * channelCount);
                Thread.sleep(500);
            } finally {
                follower.close();
            }
            assertThat(mostInFlight.get()).as("messages in the route at once").isBetween(2, 4);
            assertThat(threads).hasSizeBetween(2, 4);
            for (int c = 0; c < channelCount; c++) {
                assertThat(received.get("household-" + c)).as("channel %d", c).containsExactly(
                        "channel " + c + " message 0", "channel " + c + " message 1", "channel " + c + " message 2");
            }
        }
    }

    /** Subscribes channel c as household-c, then starts the route "follow". */
    private static void subscribeAllAndStart(CamelContext follower, String endpoint, List<SimulatedChannels.Channel> channels)
            throws Exception {
        ProducerTemplate template = follower.createProducerTemplate();
        for (int c = 0; c < channels.size(); c++) {
            SimulatedChannels.Channel channel = channels.get(c);
            template.sendBodyAndHeaders(endpoint, null, Map.of(IotaMamConstants.OPERATION, IotaMamOperation.subscribe,
                    IotaMamConstants.SUBSCRIPTION, "household-" + c, IotaMamConstants.ROOT, channel.firstRoot(),
                    IotaMamConstants.MODE, "restricted", IotaMamConstants.SIDE_KEY, channel.sideKey()));
        }
        follower.getRouteController().startRoute("follow");
    }

    private static int total(Map<String, List<String>> received) {
        return received.values().stream().mapToInt(List::size).sum();
    }

    private static void store(RunningNode node, List<String> trytes) throws Exception {
        var reply = node.post(JSON.writeValueAsString(Map.of("command", "storeTransactions", "trytes", new ArrayList<>(trytes))));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    }
}
