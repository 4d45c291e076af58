package org.p1iota.app.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser's visitor session at Wattt Insights over HTTP: its cookie and CSRF token, which follow the
 * answers (a login or sign-up starts a new session). The base URL is asked for on every request, so a
 * visitor outlives a restart of the provider.
 */
final class WatttVisitor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Supplier<String> baseUrl;
    String cookie;
    String csrf;

    WatttVisitor(HttpClient http, Supplier<String> baseUrl) throws Exception {
        this.http = http;
        this.baseUrl = baseUrl;
        HttpResponse<String> session = http.send(request("/api/session").build(), HttpResponse.BodyHandlers.ofString());
        cookie = session.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        csrf = JSON.readTree(session.body()).get("csrfToken").asText();
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        HttpResponse<String> answer = http.send(request(path).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        answer.headers().firstValue("Set-Cookie").ifPresent(set -> cookie = set.split(";")[0]);
        if (answer.statusCode() < 300 && JSON.readTree(answer.body()).has("csrfToken")) {
            csrf = JSON.readTree(answer.body()).get("csrfToken").asText();
        }
        return answer;
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = http.send(request(path).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl.get() + path));
    }
}
