package org.p1iota.app.provider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.app.testing.RunningProvider;
import org.p1iota.app.web.ProviderMetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Wattt Insights' HTTP side without a node (nothing listens at the node URL): access rules,
 * refusals, headers, the well-known metadata per consent request, and the bound on live streams.
 */
class ProviderWebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private RunningProvider provider;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningProvider start(Map<String, String> extra) throws Exception {
        provider = RunningProvider.start(data, RunningNode.freePort(), 3, extra);
        return provider;
    }

    @AfterEach
    void stop() throws Exception {
        if (provider != null) {
            provider.close();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(provider.baseUrl() + path));
    }

    @Test
    void theApiWantsTheTokenOrAVisitorSessionWithItsCsrfToken() throws Exception {
        start(Map.of());
        assertThat(send(request("/api/households")).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = send(request("/api/households").header("Authorization", "Bearer not-the-token"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();

        HttpResponse<String> session = send(request("/api/session"));
        String cookie = session.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = JSON.readTree(session.body()).get("csrfToken").asText();
        HttpResponse<String> withoutCsrf = send(request("/api/consent-requests").header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(withoutCsrf.body()).get("error").asText()).isEqualTo("csrf_token_missing");
        HttpResponse<String> created = send(request("/api/consent-requests").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("myHomeUrl").asText()).startsWith("http://localhost:8080/new-policy?requestId=req_");
        HttpResponse<String> listed = send(request("/api/households").header("Cookie", cookie));
        assertThat(JSON.readTree(listed.body()).get(0).get("state").asText()).isEqualTo("waiting_for_keys");

        // another visitor sees nothing of it; the provider's own API client sees everything
        String id = JSON.readTree(created.body()).get("id").asText();
        String stranger = send(request("/api/session")).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(JSON.readTree(send(request("/api/households").header("Cookie", stranger)).body())).isEmpty();
        assertThat(send(request("/api/readings?household=" + id).header("Cookie", stranger)).statusCode()).isEqualTo(404);
        assertThat(send(request("/api/readings/stream?household=" + id).header("Cookie", stranger)).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(send(request("/api/status").header("Cookie", stranger)).body()).get("state").asText())
                .isEqualTo("not_connected");
        assertThat(provider.get("/api/readings?household=" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void answersCarryTheSecurityHeadersAndEchoNoRequestHeader() throws Exception {
        start(Map.of());
        HttpResponse<String> answer = send(request("/api/status").header("Authorization", "Bearer " + provider.token)
                .header("X-Probe", "echo-me"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("X-Probe")).isEmpty();
        assertThat(answer.headers().firstValue("Authorization")).isEmpty();
        JsonNode status = JSON.readTree(answer.body());
        assertThat(status.get("state").asText()).isEqualTo("not_connected");
        assertThat(status.get("node").asText()).isEqualTo("unreachable");
        HttpResponse<String> page = send(request("/"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"connect\"");
    }

    @Test
    void theWellKnownMetadataNamesEachRequestsOwnInboxAndKey() throws Exception {
        start(Map.of());
        JsonNode first = JSON.readTree(provider.post("/api/consent-requests", "{}").body());
        JsonNode second = JSON.readTree(provider.post("/api/consent-requests", "{\"myHome\": \"https://home.example/base/\"}").body());
        assertThat(second.get("myHomeUrl").asText()).startsWith("https://home.example/base/new-policy?");

        JsonNode one = JSON.readTree(send(request(ProviderMetadata.PATH + "?requestId=" + first.get("id").asText())).body());
        JsonNode two = JSON.readTree(send(request(ProviderMetadata.PATH + "?requestId=" + second.get("id").asText())).body());
        assertThat(one.get("name").asText()).isEqualTo("Wattt Insights");
        assertThat(one.get("scheme").asText()).isEqualTo("ML-KEM-768");
        assertThat(one.get("publicKeyFingerprint").asText()).isEqualTo(ProviderMetadata.fingerprintOf(one.get("publicKey").asText()));
        assertThat(one.get("inboxAddress").asText()).isNotEqualTo(two.get("inboxAddress").asText());
        assertThat(one.get("publicKey").asText()).isNotEqualTo(two.get("publicKey").asText());
        assertThat(first.get("myHomeUrl").asText()).contains("inbox=" + one.get("inboxAddress").asText())
                .contains("publicKey=" + one.get("publicKey").asText());

        assertThat(send(request(ProviderMetadata.PATH)).statusCode()).isEqualTo(404);
        assertThat(send(request(ProviderMetadata.PATH + "?requestId=req_unknown_000")).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputGetsAClearRefusal() throws Exception {
        start(Map.of());
        assertThat(provider.post("/api/consent-requests", "{\"myHome\": \"javascript:alert(1)\"}").statusCode()).isEqualTo(400);
        assertThat(provider.post("/api/consent-requests", "[1]").statusCode()).isEqualTo(400);
        assertThat(provider.post("/api/consent-requests", "not json").statusCode()).isEqualTo(400);
        String id = JSON.readTree(provider.post("/api/consent-requests", "{}").body()).get("id").asText();

        assertThat(provider.get("/api/readings").statusCode()).isEqualTo(400);
        assertThat(provider.get("/api/readings?household=req_nobody_0000").statusCode()).isEqualTo(404);
        HttpResponse<String> badTime = provider.get("/api/readings?household=" + id + "&from=yesterday");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badTime.body()).get("message").asText()).contains("from must be an ISO-8601 instant");
        assertThat(provider.get("/api/readings?household=" + id + "&limit=0").statusCode()).isEqualTo(400);
        assertThat(provider.get("/api/readings?household=" + id + "&limit=10001").statusCode()).isEqualTo(400);

        HttpResponse<String> csv = provider.get("/api/readings?household=" + id + "&format=csv");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"readings.csv\"");
        assertThat(csv.body().lines().toList()).containsExactly(ReadingJson.CSV_HEADER);
        assertThat(JSON.readTree(provider.get("/api/readings/daily?household=" + id).body()).size()).isZero();
    }

    @Test
    void liveStreamsAreBounded() throws Exception {
        start(Map.of("provider.sse-max-clients", "1", "provider.sse-heartbeat-seconds", "1"));
        String id = JSON.readTree(provider.post("/api/consent-requests", "{}").body()).get("id").asText();
        HttpRequest stream = request("/api/readings/stream?household=" + id).header("Authorization", "Bearer " + provider.token).build();
        java.util.concurrent.CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> first =
                http.sendAsync(stream, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<java.util.stream.Stream<String>> open = first.get(10, TimeUnit.SECONDS);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> provider.get("/api/readings/stream?household=" + id).statusCode() == 503);
    }

    @Test
    void openRequestsAreCappedAndExpire() throws Exception {
        start(Map.of("provider.max-open-requests", "1", "provider.request-ttl-minutes", "0", "provider.expiry-check-seconds", "1"));
        HttpResponse<String> first = provider.post("/api/consent-requests", "{}");
        assertThat(first.statusCode()).isEqualTo(201);
        String id = JSON.readTree(first.body()).get("id").asText();
        // the expiry check marks the request expired, retires its inbox route and frees its place under the cap
        await().atMost(10, TimeUnit.SECONDS).until(() -> JSON.readTree(provider.get("/api/households").body()).get(0)
                .get("state").asText().equals("expired"));
        await().atMost(5, TimeUnit.SECONDS).until(() -> provider.running().camelContext().getRoute(KeyReceipt.routeId(id)) == null);
        assertThat(provider.post("/api/consent-requests", "{}").statusCode()).isEqualTo(201);
    }

    @Test
    void theOpenRequestCapAnswers503() throws Exception {
        start(Map.of("provider.max-open-requests", "1"));
        assertThat(provider.post("/api/consent-requests", "{}").statusCode()).isEqualTo(201);
        HttpResponse<String> refused = provider.post("/api/consent-requests", "{}");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("too_many_open_requests");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
    }
}
