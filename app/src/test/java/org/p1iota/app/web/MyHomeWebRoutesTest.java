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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.RunningMyHome;
import org.p1iota.app.testing.RunningNode;

/**
 * The HTTP side of routes/myhome.yaml as docs/http-api.md describes it: the real role with its real
 * routes (no node: nothing here reaches the tangle), serving the real pages.
 */
class MyHomeWebRoutesTest {

    @TempDir
    static Path data;
    static RunningMyHome myHome;

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        myHome = RunningMyHome.start(data.resolve("myhome"), "http://127.0.0.1:" + RunningNode.freePort(), 3,
                RunningNode.freePort(), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (myHome != null) {
            myHome.close();
        }
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        return send("GET", path, null, headers);
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(myHome.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String logIn() throws Exception {
        HttpResponse<String> login = send("POST", "/login", "{\"token\":\"" + myHome.token() + "\"}",
                "Content-Type", "application/json");
        assertThat(login.statusCode()).isEqualTo(200);
        return SessionManagerTest.cookiePair(login);
    }

    @Test
    void pagesNeedASessionButTheLoginPageAndAssetsDoNot() throws Exception {
        HttpResponse<String> devices = get("/");
        assertThat(devices.statusCode()).isEqualTo(303);
        assertThat(devices.headers().firstValue("Location")).contains("/login.html?next=%2F");
        assertThat(get("/new-policy?requestId=req_0123456789&goal=a+b").headers().firstValue("Location"))
                .contains("/login.html?next=%2Fnew-policy%3FrequestId%3Dreq_0123456789%26goal%3Da%2Bb");
        assertThat(get("/policies.html").statusCode()).isEqualTo(303);

        HttpResponse<String> login = get("/login.html");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"login-form\"");
        assertThat(login.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("no-referrer");

        HttpResponse<String> script = get("/assets/p1.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(get("/assets/devices.js").statusCode()).isEqualTo(200);
    }

    @Test
    void withASessionEveryPageIsServed() throws Exception {
        String cookie = logIn();
        for (String page : new String[] {"/", "/policies.html", "/events.html", "/new-policy?requestId=x"}) {
            HttpResponse<String> response = get(page, "Cookie", cookie);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(response.headers().firstValue("Cookie")).isEmpty();
        }
        assertThat(get("/new-policy", "Cookie", cookie).body()).contains("id=\"grant\"");
    }

    @Test
    void aStateChangeWithoutCsrfTokenIsRefused() throws Exception {
        String cookie = logIn();

        HttpResponse<String> logout = send("POST", "/logout", "", "Cookie", cookie);

        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(WebJson.MAPPER.readTree(logout.body()).get("error").asText()).isEqualTo("csrf_token_missing");
        assertThat(get("/api/session", "Cookie", cookie).statusCode()).isEqualTo(200);
    }

    /** The one gate of routes/myhome.yaml covers every API verb: none answers a stranger. */
    @Test
    void everyApiVerbButTheLoginNeedsTheHouseholdAndCarriesTheSecurityHeaders() throws Exception {
        for (List<String> call : List.of(List.of("GET", "/api/devices"), List.of("POST", "/api/devices"),
                List.of("DELETE", "/api/devices/" + "A".repeat(81)), List.of("GET", "/api/pairings/pr_0123456789"),
                List.of("GET", "/api/policies"), List.of("POST", "/api/policies"), List.of("DELETE", "/api/policies/pol_0123456789"),
                List.of("GET", "/api/events"), List.of("GET", "/api/consent-link"), List.of("POST", "/api/consent-link/deny"),
                List.of("POST", "/logout"))) {
            HttpResponse<String> answer = send(call.get(0), call.get(1), call.get(0).equals("POST") ? "{}" : null,
                    "Content-Type", "application/json");
            assertThat(answer.statusCode()).as(call.toString()).isEqualTo(401);
            assertThat(WebJson.MAPPER.readTree(answer.body()).get("error").asText()).as(call.toString()).isEqualTo("not_logged_in");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(call.toString())
                    .contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
        }
        HttpResponse<String> session = get("/api/session");
        assertThat(session.statusCode()).isEqualTo(401);
        assertThat(session.headers().firstValue("X-Frame-Options")).contains("DENY");

        // the household's token opens them; a path parameter reaches the bean
        HttpResponse<String> pairing = get("/api/pairings/pr_unknown1", "Authorization", "Bearer " + myHome.token());
        assertThat(pairing.statusCode()).isEqualTo(404);
        assertThat(pairing.body()).contains("No pairing with this id");
    }

    /** What no REST verb takes ends at the pages route: refused without credentials, 405/404 with them. */
    @Test
    void aMethodOrPathNoVerbTakesIsAnErrorAnswerNotAnotherEndpoint() throws Exception {
        String bearer = "Bearer " + myHome.token();
        HttpResponse<String> put = send("PUT", "/api/devices", "{}", "Content-Type", "application/json", "Authorization", bearer);
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(WebJson.MAPPER.readTree(put.body()).get("error").asText()).isEqualTo("method_not_allowed");
        HttpResponse<String> unknown = get("/api/devices/x/y", "Authorization", bearer);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(send("DELETE", "/api/devices", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/nothing").statusCode()).isEqualTo(303);
    }

    @Test
    void aForgedConsentLinkIsRefusedBeforeAnythingIsShown() throws Exception {
        String cookie = logIn();
        int closed = RunningNode.freePort();
        String link = "requestId=req_0123456789&inbox=" + ProviderVerifierTest.INBOX + "&publicKey=AQID&goal=x"
                + "&returnUrl=http%3A%2F%2F127.0.0.1%3A" + closed + "%2F";

        HttpResponse<String> unverifiable = get("/api/consent-link?" + link, "Cookie", cookie);
        assertThat(unverifiable.statusCode()).isEqualTo(502);
        assertThat(WebJson.MAPPER.readTree(unverifiable.body()).get("error").asText()).isEqualTo("provider_unreachable");

        HttpResponse<String> script = get("/api/consent-link?" + link.replace("http%3A", "javascript%3A"), "Cookie", cookie);
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(WebJson.MAPPER.readTree(script.body()).get("error").asText()).isEqualTo("return_url_not_http");

        assertThat(get("/api/consent-link?" + link).statusCode()).isEqualTo(401);
    }
}
