package org.p1iota.app.node;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.p1iota.app.testing.RunningNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.camel.iota.IotaMamConstants;
import org.p1iota.camel.iota.IotaMamOperation;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The iota-mam: component against the embedded node over HTTP: publisher and follower are separate
 * Camel contexts (as separate processes would be) and both restart halfway.
 */
class IotaMamOnNodeTest {

    private static final int MWM = 3;
    private static final String KEY_A = "FIRSTSIDEKEY";
    private static final String KEY_B = "SECONDSIDEKEY";

    @TempDir
    static Path data;
    static RunningNode node;

    @TempDir
    Path state;

    @BeforeAll
    static void startNode() throws Exception {
        node = RunningNode.start(data.resolve("node"), MWM);
    }

    @AfterAll
    static void stopNode() throws Exception {
        node.close();
    }

    private static String randomSeed() {
        SecureRandom random = new SecureRandom();
        StringBuilder seed = new StringBuilder();
        for (int i = 0; i < 81; i++) {
            seed.append("9ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(random.nextInt(27)));
        }
        return seed.toString();
    }

    private String node() {
        return "nodeUrl=http://127.0.0.1:" + node.port + "&minWeightMagnitude=" + MWM + "&localPow=true";
    }

    private CamelContext publisher(String seed) throws Exception {
        CamelContext context = new DefaultCamelContext();
        String uri = "iota-mam:data?mode=restricted&seed=" + seed + "&sideKey=" + KEY_A + "&stateDirectory=" + state.resolve("pub")
                + "&" + node();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:publish").to(uri);
            }
        });
        context.start();
        return context;
    }

    private CamelContext follower(String name, String root, String sideKey, List<String> received) throws Exception {
        return follower(name, root, sideKey, received, true);
    }

    /** @param entitled whether this reader is given the new key of a rotation (a provider that was not revoked) */
    private CamelContext follower(String name, String root, String sideKey, List<String> received, boolean entitled) throws Exception {
        CamelContext context = new DefaultCamelContext();
        String uri = "iota-mam:" + name + "?mode=restricted&root=" + root + "&sideKey=" + sideKey + "&delay=100&stateDirectory="
                + state.resolve(name) + "&" + node();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> {
                    String body = e.getMessage().getBody(String.class);
                    received.add(body);
                    if (entitled && body.startsWith("KEY_ROTATION ")) {
                        // what a provider's route does after decrypting a rotation it is entitled to
                        e.getMessage().setHeader(IotaMamConstants.OPERATION, IotaMamOperation.changeSubscriptionSideKey);
                        e.getMessage().setHeader(IotaMamConstants.SIDE_KEY, body.substring("KEY_ROTATION ".length()));
                        e.getContext().createProducerTemplate().send("iota-mam:" + name + "?stateDirectory=" + state.resolve(name), e);
                    }
                });
            }
        });
        context.start();
        return context;
    }

    private static void publish(CamelContext publisher, int from, int to) {
        ProducerTemplate template = publisher.createProducerTemplate();
        for (int i = from; i <= to; i++) {
            template.sendBody("direct:publish", "{\"telegram\":" + i + "}");
        }
    }

    private static List<String> telegrams(int from, int to) {
        List<String> expected = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            expected.add("{\"telegram\":" + i + "}");
        }
        return expected;
    }

    @Test
    void twentyMessagesAcrossPublisherAndFollowerRestartsArriveOnceAndInOrder() throws Exception {
        String seed = randomSeed();
        String firstRoot = new MamChannel(ChannelState.initial(seed, MamMode.RESTRICTED, KEY_A, 2)).root();
        List<String> received = Collections.synchronizedList(new ArrayList<>());

        CamelContext publisher = publisher(seed);
        CamelContext follower = follower("follow", firstRoot, KEY_A, received);
        publish(publisher, 1, 10);
        publisher.stop();
        await().atMost(60, TimeUnit.SECONDS).until(() -> received.size() >= 7);
        follower.stop();

        publisher = publisher(seed); // a restart continues the channel: no key index is used twice
        publish(publisher, 11, 20);
        follower = follower("follow", firstRoot, KEY_A, received); // resumes at its last consumed root
        await().atMost(60, TimeUnit.SECONDS).until(() -> received.size() >= 20);
        Thread.sleep(500);
        publisher.stop();
        follower.stop();

        assertThat(received).containsExactlyElementsOf(telegrams(1, 20));
    }

    @Test
    void afterAKeyRotationOnlyTheReaderGivenTheNewKeyReadsOn() throws Exception {
        String seed = randomSeed();
        String firstRoot = new MamChannel(ChannelState.initial(seed, MamMode.RESTRICTED, KEY_A, 2)).root();
        List<String> kept = Collections.synchronizedList(new ArrayList<>());
        List<String> revoked = Collections.synchronizedList(new ArrayList<>());

        CamelContext publisher = publisher(seed);
        CamelContext keptReader = follower("kept", firstRoot, KEY_A, kept);
        CamelContext revokedReader = follower("revoked", firstRoot, KEY_A, revoked, false);
        publish(publisher, 1, 2);
        ProducerTemplate template = publisher.createProducerTemplate();
        template.sendBodyAndHeader("direct:publish", "KEY_ROTATION " + KEY_B, IotaMamConstants.NEXT_SIDE_KEY, KEY_B);
        publish(publisher, 3, 4);

        await().atMost(60, TimeUnit.SECONDS).until(() -> kept.size() >= 5);
        Thread.sleep(1000);
        assertThat(kept).containsExactly("{\"telegram\":1}", "{\"telegram\":2}", "KEY_ROTATION " + KEY_B,
                "{\"telegram\":3}", "{\"telegram\":4}");
        // the revoked reader finds the later messages' address but cannot unmask them
        assertThat(revoked).containsExactly("{\"telegram\":1}", "{\"telegram\":2}", "KEY_ROTATION " + KEY_B);
        publisher.stop();
        keptReader.stop();
        revokedReader.stop();
    }

    @Test
    void mamFetchPrintsTheChannelAsPublished() throws Exception {
        String seed = randomSeed();
        String firstRoot = new MamChannel(ChannelState.initial(seed, MamMode.RESTRICTED, KEY_A, 2)).root();
        CamelContext publisher = publisher(seed);
        publish(publisher, 1, 3);
        publisher.stop();

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = org.p1iota.app.Launcher.withInstalledCommands().run(List.of("mam", "fetch", "--node", "http://127.0.0.1:" + node.port,
                "--root", firstRoot, "--mode", "restricted", "--side-key", KEY_A),
                new org.p1iota.app.cli.Console(java.io.InputStream.nullInputStream(), new java.io.PrintStream(out, true),
                        new java.io.PrintStream(err, true)));

        assertThat(code).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"root\":\"" + firstRoot + "\"").contains("\"text\":\"{\\\"telegram\\\":1}\"");
        assertThat(lines.get(2)).contains("{\\\"telegram\\\":3}");
    }

    @Test
    void mamFetchWithASideKeyThatOpensNothingSaysSoAndExitsOne() throws Exception {
        String seed = randomSeed();
        String firstRoot = new MamChannel(ChannelState.initial(seed, MamMode.RESTRICTED, KEY_A, 2)).root();
        CamelContext publisher = publisher(seed);
        publish(publisher, 1, 1);
        publisher.stop();

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = org.p1iota.app.Launcher.withInstalledCommands().run(List.of("mam", "fetch", "--node", "http://127.0.0.1:" + node.port,
                "--root", firstRoot, "--mode", "restricted", "--side-key", KEY_B),
                new org.p1iota.app.cli.Console(java.io.InputStream.nullInputStream(), new java.io.PrintStream(out, true),
                        new java.io.PrintStream(err, true)));

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("1 bundle at the first root's restricted address, but none opens with this --side-key");
    }
}
