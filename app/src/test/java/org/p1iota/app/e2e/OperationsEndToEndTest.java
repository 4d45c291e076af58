package org.p1iota.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.ops.Management;
import org.p1iota.app.testing.RunningNode;

/**
 * The health and metrics of a whole household with a provider (issue 17): the followers (the provider's of the
 * household's data channel, the device's of My Home's event channel) are counted and keep up; My Home's event
 * channel is readable; HTTP answers are counted by status; when the node stops, the followers' and the event
 * channel's checks go DOWN with what to do, and come back UP when the node returns.
 */
class OperationsEndToEndTest {

    private static final String LAG = "p1iota.health.follower-lag-seconds";

    @TempDir
    Path data;

    @Test
    void followersAndEventChannelGoDownWithTheNodeAndUpWhenItReturns() throws Exception {
        try (ConsentSystem system = new ConsentSystem(data, 3, Duration.ofMillis(1000),
                Map.of("device.batch.size", "2", "device.batch.max-wait", "1500", LAG, "8"), Map.of(LAG, "8"))) {
            JsonNode paired = system.pair(system.device.pairingCode.formatted(), "Meter cupboard");
            assertThat(paired.path("state").asText()).as("pairing %s", paired).isEqualTo("succeeded");
            ConsentSystem.Grant grant = system.grant(system.watttA);
            await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300)).until(() -> grant.readings().size() >= 2);

            Management device = Management.of(system.device.running().camelContext());
            Management provider = Management.of(system.watttA.running().running().camelContext());
            Management myHome = Management.of(system.myHome.running().camelContext());
            List<Management> roles = List.of(device, provider, myHome);

            assertThat(provider.metric("p1iota_followed_channels{route=\"provider-data-channels\"}")).isEqualTo(1);
            assertThat(device.metric("p1iota_followed_channels{route=\"device-household-events\"}")).isEqualTo(1);
            for (Management role : roles) {
                await().atMost(60, TimeUnit.SECONDS).untilAsserted(() ->
                        assertThat(Management.text(role.get("/observe/health/ready"))).startsWith("{\"status\":\"UP\""));
            }
            assertThat(Management.text(myHome.get("/observe/health?exposureLevel=full&data=true")))
                    .contains("{\"name\":\"event-channel\",\"status\":\"UP\"");
            assertThat(Management.text(provider.get("/observe/health?exposureLevel=full&data=true")))
                    .contains("{\"name\":\"followers\",\"status\":\"UP\"");

            // HTTP answers by route and status: the grant (201), the provider's request (201), a refusal (401)
            assertThat(myHome.metric("p1iota_http_requests_total{route=\"myhome-policies-grant\",status=\"201\"}")).isEqualTo(1);
            assertThat(provider.metric("p1iota_http_requests_total{route=\"provider-consent-requests\",status=\"201\"}"))
                    .isEqualTo(1);
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(system.myHome.baseUrl() + "/api/devices")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(myHome.metric("p1iota_http_requests_total{route=\"myhome-devices\",status=\"401\"}")).isEqualTo(1);
            // node calls by command on the provider (it follows and reads) and My Home (it published its events)
            assertThat(provider.metric("p1iota_node_call_seconds_count{command=\"findTransactions\",outcome=\"ok\"}")).isPositive();
            assertThat(myHome.metric("p1iota_node_call_seconds_count{command=\"storeTransactions\",outcome=\"ok\"}")).isPositive();

            int nodePort = system.node.port;
            system.node.close();
            assertDown(provider, "followers", "the follower of the households' data channels (route provider-data-channels) "
                    + "has not caught up with channel '" + grant.household() + "' for ", "if the iota-node check is DOWN, start the node");
            assertDown(device, "followers", "the follower of My Home's event channel (route device-household-events) has not "
                    + "caught up with channel");
            assertDown(myHome, "event-channel", "My Home cannot read its event channel's last event from the IOTA node",
                    "see the iota-node check");
            assertThat(provider.metric("p1iota_follower_lag_seconds{route=\"provider-data-channels\"}")).isGreaterThan(8);

            try (RunningNode again = RunningNode.start(system.node.data, 3, nodePort)) {
                for (Management role : roles) {
                    await().atMost(90, TimeUnit.SECONDS).untilAsserted(() ->
                            assertThat(Management.text(role.get("/observe/health/ready"))).startsWith("{\"status\":\"UP\""));
                }
            }
        }
    }

    private static void assertDown(Management role, String check, String... message) {
        await().atMost(60, TimeUnit.SECONDS).untilAsserted(() -> {
            HttpResponse<String> ready = role.get("/observe/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(Management.text(ready)).contains("{\"name\":\"" + check + "\",\"status\":\"DOWN\"").contains(message);
        });
    }
}
