package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.app.testing.RunningProvider;

/**
 * The HTTP side of routes/provider.yaml: public pages, visitor sessions, the metadata My Home
 * verifies, and the gate before the API. The real role with its real routes (no node: nothing here
 * reaches the tangle).
 */
class WatttWebRoutesTest {

    @TempDir
    static Path data;
    static RunningProvider provider;

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        provider = RunningProvider.start(data.resolve("provider"), RunningNode.freePort(), 3, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (provider != null) {
            provider.close();
        }
    }

    private static String base() {
        return provider.baseUrl();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        return send("GET", path, null, headers);
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLandingPageAndItsChartScriptAreServedToAnyone() throws Exception {
        HttpResponse<String> landing = get("/");
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("data-testid=\"connect\"").contains("id=\"chart-power\"");
        assertThat(landing.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(get("/assets/chart.js").statusCode()).isEqualTo(200);
        assertThat(get("/assets/wattt.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aVisitorGetsASessionAndCsrfTokenWithoutLogin() throws Exception {
        HttpResponse<String> first = get("/api/session");
        assertThat(first.statusCode()).isEqualTo(200);
        String cookie = SessionManagerTest.cookiePair(first);
        assertThat(cookie).startsWith("wattt_session=");
        String csrf = WebJson.MAPPER.readTree(first.body()).get("csrfToken").asText();

        HttpResponse<String> again = get("/api/session", "Cookie", cookie);
        assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(WebJson.MAPPER.readTree(again.body()).get("csrfToken").asText()).isEqualTo(csrf);
    }

    /** The one gate of routes/provider.yaml covers every API verb: a stranger without a session gets 401. */
    @Test
    void everyApiVerbNeedsTheTokenOrAVisitorSessionAndCarriesTheSecurityHeaders() throws Exception {
        for (List<String> call : List.of(List.of("POST", "/api/consent-requests"), List.of("GET", "/api/households"),
                List.of("GET", "/api/status"), List.of("GET", "/api/readings?household=req_0123456789"),
                List.of("GET", "/api/readings/daily?household=req_0123456789"),
                List.of("GET", "/api/readings/costs?household=req_0123456789"), List.of("GET", "/api/account/tariff"),
                List.of("POST", "/api/account/tariff"),
                List.of("GET", "/api/readings/stream?household=req_0123456789"))) {
            HttpResponse<String> answer = send(call.get(0), call.get(1), call.get(0).equals("POST") ? "{}" : null,
                    "Content-Type", "application/json");
            assertThat(answer.statusCode()).as(call.toString()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(call.toString())
                    .contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
        }
        HttpResponse<String> visitor = get("/api/session");
        String cookie = SessionManagerTest.cookiePair(visitor);
        HttpResponse<String> noToken = send("POST", "/api/consent-requests", "{}", "Content-Type", "application/json",
                "Cookie", cookie);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(WebJson.MAPPER.readTree(noToken.body()).get("error").asText()).isEqualTo("csrf_token_missing");
        assertThat(get("/api/households", "Authorization", "Bearer " + provider.token).statusCode()).isEqualTo(200);
    }

    @Test
    void myHomesVerifierAcceptsWhatWatttPublishes() throws Exception {
        HttpResponse<String> created = provider.post("/api/consent-requests", "{}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String requestId = WebJson.MAPPER.readTree(created.body()).get("id").asText();

        HttpResponse<String> published = get(ProviderMetadata.PATH + "?requestId=" + requestId);
        assertThat(published.statusCode()).isEqualTo(200);
        JsonNode metadata = WebJson.MAPPER.readTree(published.body());
        String publicKey = metadata.get("publicKey").asText();
        assertThat(metadata.get("publicKeyFingerprint").asText()).isEqualTo(ProviderMetadata.fingerprintOf(publicKey));
        assertThat(get(ProviderMetadata.PATH + "?requestId=req_unknown000").statusCode()).isEqualTo(404);

        VerifiedProvider verified = new ProviderVerifier(new ProviderOriginRules(true, java.util.Set.of())).verify(ConsentLink.fromParameters(Map.of(
                "requestId", requestId, "inbox", metadata.get("inboxAddress").asText(), "publicKey", publicKey,
                "goal", "Energy insights", "returnUrl", base() + "/?from=myhome")));
        assertThat(verified.name()).isEqualTo("Wattt Insights");
        assertThat(Optional.of(verified.origin())).contains(base());
    }
}
