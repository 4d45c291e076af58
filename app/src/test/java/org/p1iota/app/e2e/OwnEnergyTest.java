package org.p1iota.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.myhome.energy.OwnIdentity;

/**
 * Issue 16, "My Home: the household's own meter", with every role real on the embedded node: after
 * pairing, and with no provider granted, My Home reads its own device (its own full-scope grant, keys
 * delivered by the device to My Home's own inbox) and serves live power per phase, period totals per
 * tariff, costs from the tariffs entered and an hourly price file, and CSV. A stranger's key delivery
 * to My Home's own inbox (its address and key are as derivable as a provider's are public) is refused,
 * and My Home keeps reading across a provider's revocation (the rotation carries My Home's new key).
 */
class OwnEnergyTest {

    static final int MWM = 3;

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void myHomeReadsItsOwnMeterWithoutAnyProvider() throws Exception {
        try (ConsentSystem system = new ConsentSystem(data, MWM, Duration.ofMillis(1000),
                Map.of("device.batch.size", "2", "device.batch.max-wait", "1500"));
                KeyDeliveryAttackTest.Forger forger = new KeyDeliveryAttackTest.Forger(system.node.port, data.resolve("forger"))) {
            ApiClient home = system.household;
            assertThat(system.pair(system.device.pairingCode.formatted(), "Meter cupboard").path("state").asText())
                    .isEqualTo("succeeded");

            // a stranger seals keys of its own channel for My Home's own key, to My Home's own inbox, first
            OwnIdentity own = system.myHome.running().beans().get("myhomeOwnIdentity", OwnIdentity.class);
            var me = own.providerIdentity(system.device.address);
            ObjectNode metadata = ApiClient.JSON.createObjectNode().put("name", me.name()).put("inboxAddress", me.inbox())
                    .put("publicKey", me.publicKey()).put("publicKeyFingerprint", me.fingerprint());
            forger.deliverForgedKeys(me.consentRequestId(), metadata);
            forger.publishReadings(3);

            await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500))
                    .until(() -> home.ok("/api/energy/meters").path(0).path("readings").asLong() >= 4);
            assertThat(home.ok("/api/policies")).as("no provider was granted anything").isEmpty();
            JsonNode meter = home.ok("/api/energy/meters").path(0);
            assertThat(meter.path("name").asText()).isEqualTo("Meter cupboard");
            assertThat(meter.path("online").asBoolean()).isTrue();
            assertThat(meter.path("dsmrVersion").asText()).isEqualTo("5.0");
            assertThat(meter.path("meterHeader").asText()).contains("ISK5");
            JsonNode events = home.ok("/api/events");
            assertThat(events.findValuesAsText("title")).contains("Device paired", "My Home reads your meter");

            JsonNode live = home.ok("/api/energy/live?minutes=5");
            assertThat(live.path("columns").toString()).contains("l1Voltage", "l3ImportW");
            JsonNode last = live.path("rows").path(live.path("rows").size() - 1);
            assertThat(cell(live, last, "l1Voltage").asDouble()).isBetween(200.0, 260.0);
            assertThat(cell(live, last, "powerImportW").asInt()).as("never the forger's 12.345 kW").isNotEqualTo(12345);
            for (JsonNode row : live.path("rows")) {
                assertThat(cell(live, row, "powerImportW").asInt()).isNotEqualTo(12345);
            }

            // costs: none before tariffs are entered, then from them
            JsonNode summary = home.ok("/api/energy/summary");
            assertThat(summary.path("periods").path("today").path("importKwh").isNumber()).isTrue();
            assertThat(summary.path("periods").path("today").path("costEur").isNull()).isTrue();
            HttpResponse<String> saved = send(system, "PUT", "/api/energy/tariffs", "application/json",
                    "{\"kind\":\"daynight\",\"t1PerKwh\":\"0.21\",\"t2PerKwh\":\"0,27\",\"exportPerKwh\":\"0.07\",\"gasPerM3\":\"1.45\"}");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(home.ok("/api/energy/tariffs").path("kind").asText()).isEqualTo("daynight");
            await().atMost(30, TimeUnit.SECONDS).until(() -> home.ok("/api/energy/summary").path("periods").path("today")
                    .path("costEur").isNumber());
            assertThat(send(system, "PUT", "/api/energy/tariffs", "application/json", "{\"kind\":\"monthly\"}").statusCode())
                    .isEqualTo(400);

            // an hourly price file: the bad line is named, nothing stored; a good file is stored
            HttpResponse<String> bad = send(system, "POST", "/api/energy/prices", "text/csv", "hour,price\n2026-12-07T10:00:00Z,0.25\nnoon,0.3\n");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("line 3");
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
            StringBuilder csv = new StringBuilder("hour,price\n");
            for (int hour = 0; hour < 24; hour++) {
                csv.append(today).append(' ').append(String.format("%02d:00", hour)).append(",0.").append(10 + hour).append('\n');
            }
            HttpResponse<String> prices = send(system, "POST", "/api/energy/prices", "text/csv", csv.toString());
            assertThat(prices.statusCode()).as(prices.body()).isEqualTo(200);
            assertThat(prices.body()).contains("\"hours\":24");

            // hours of today and days: as many spans as the day has hours, the days oldest first
            assertThat(home.ok("/api/energy/hours").size()).isBetween(23, 25);
            assertThat(home.ok("/api/energy/days?days=7")).hasSize(7);

            // CSV export of a range
            HttpResponse<String> export = send(system, "GET", "/api/energy/export?from=" + today + "&to=" + today, null, null);
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().allValues("Content-Type")).containsExactly("text/csv; charset=utf-8");
            assertThat(export.body()).startsWith("timestamp,importT1Kwh,importT2Kwh");
            assertThat(export.body().lines().count()).isGreaterThan(4);

            // a provider granted and revoked: the rotation carries My Home's new key, it keeps reading
            JsonNode request = system.request(system.watttA);
            ConsentSystem.Grant wattt = system.grant(system.watttA, request);
            await().atMost(60, TimeUnit.SECONDS).until(() -> wattt.readings().size() >= 2);

            // the same link again: granted once is granted; no raw "already granted for device ABC…", no deny
            Map<String, String> link = new java.util.LinkedHashMap<>(ConsentSystem.consentLink(request.path("myHomeUrl").asText()));
            link.put("device", system.device.address);
            ApiClient.Answer again = home.post("/api/policies", link);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().path("error").asText()).isEqualTo("already_granted");
            assertThat(again.json().path("message").asText()).startsWith("You already granted this request")
                    .contains("Meter cupboard").doesNotContainPattern("[9A-Z]{81}");
            ApiClient.Answer deny = home.post("/api/consent-link/deny", link);
            assertThat(deny.status()).as("denying a granted link: %s", deny.json()).isEqualTo(409);
            assertThat(deny.json().path("message").asText()).contains("revoke");
            assertThat(home.ok("/api/policies")).hasSize(1);
            assertThat(home.delete("/api/policies/" + wattt.policyId()).status()).isEqualTo(200);
            await().atMost(60, TimeUnit.SECONDS).until(() -> wattt.status().path("state").asText().equals("revoked"));
            long atRevocation = home.ok("/api/energy/meters").path(0).path("readings").asLong();
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500))
                    .until(() -> home.ok("/api/energy/meters").path(0).path("readings").asLong() >= atRevocation + 6);
        }
    }

    private static JsonNode cell(JsonNode live, JsonNode row, String column) {
        for (int i = 0; i < live.path("columns").size(); i++) {
            if (live.path("columns").get(i).asText().equals(column)) {
                return row.get(i);
            }
        }
        throw new AssertionError("no column " + column);
    }

    private HttpResponse<String> send(ConsentSystem system, String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.myHome.baseUrl() + path))
                .header("Authorization", "Bearer " + system.myHome.token())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
