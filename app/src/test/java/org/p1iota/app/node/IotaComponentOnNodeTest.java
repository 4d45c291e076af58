package org.p1iota.app.node;

import java.nio.file.Path;
import java.util.List;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.p1iota.app.testing.RunningNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.camel.iota.IotaConstants;
import org.p1iota.iota.tangle.TangleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The iota: component against the embedded node over real HTTP. */
class IotaComponentOnNodeTest extends CamelTestSupport {

    private static final String ADDRESS = "INBOX9OF9A9DEVICE" + "9".repeat(64);
    private static final int MWM = 3;

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

    private String nodeOptions() {
        return "nodeUrl=http://127.0.0.1:" + node.port + "&minWeightMagnitude=" + MWM;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:local-pow").to("iota:" + ADDRESS + "?localPow=true&tag=PIOTATEST&" + nodeOptions());
                from("direct:node-pow").to("iota:" + ADDRESS + "?tag=PIOTATEST&" + nodeOptions());
                from("direct:dead-node").to("iota:" + ADDRESS + "?nodeUrl=http://127.0.0.1:" + deadPort()
                        + "&retryAttempts=3&retryInitialDelay=10");
                from("iota:" + ADDRESS + "?delay=200&stateDirectory=" + state + "&" + nodeOptions())
                        .routeId("inbox").autoStartup(false)
                        .to("mock:inbox");
            }
        };
    }

    private static int deadPort() {
        try {
            return RunningNode.freePort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void messagesSentWithLocalAndNodePowAreReceivedOnceInOrderAcrossAConsumerRestart() throws Exception {
        String longJson = "{\"type\":\"CLAIM_DEVICE\",\"padding\":\"" + "p".repeat(2500) + "\"}";
        var first = template.request("direct:local-pow", e -> e.getMessage().setBody("first"));
        assertThat(first.getMessage().getHeader(IotaConstants.BUNDLE_HASH, String.class)).hasSize(81);
        assertThat(first.getMessage().getHeader(IotaConstants.TRANSACTION_COUNT, Integer.class)).isEqualTo(1);
        Thread.sleep(5); // distinct attachment timestamps keep the order observable
        var second = template.request("direct:node-pow", e -> e.getMessage().setBody(longJson));
        assertThat(second.getMessage().getHeader(IotaConstants.TRANSACTION_COUNT, Integer.class)).isEqualTo(3);

        MockEndpoint inbox = getMockEndpoint("mock:inbox");
        inbox.expectedBodiesReceived("first", longJson);
        inbox.expectedHeaderValuesReceivedInAnyOrder(IotaConstants.BUNDLE_HASH,
                first.getMessage().getHeader(IotaConstants.BUNDLE_HASH), second.getMessage().getHeader(IotaConstants.BUNDLE_HASH));
        context.getRouteController().startRoute("inbox");
        inbox.assertIsSatisfied();

        // restart: what was emitted is not emitted again; what is new is
        context.getRouteController().stopRoute("inbox");
        inbox.reset();
        template.sendBody("direct:local-pow", List.of("a", "json", "list"));
        inbox.expectedBodiesReceived("[\"a\",\"json\",\"list\"]");
        context.getRouteController().startRoute("inbox");
        inbox.assertIsSatisfied();
        Thread.sleep(600); // three more polls: still nothing twice
        assertThat(inbox.getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void anUnreachableNodeIsRetriedThenFailsToTheRoutesErrorHandler() {
        assertThatThrownBy(() -> template.sendBody("direct:dead-node", "lost?"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(TangleException.class)
                .hasMessageContaining("unreachable after 3 attempt(s)");
    }
}
