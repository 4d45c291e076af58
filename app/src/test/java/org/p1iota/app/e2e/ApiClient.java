package org.p1iota.app.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A script's view of My Home's or a provider's HTTP API (docs/http-api.md): JSON with a bearer token. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode json) {
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    ApiClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    Answer post(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, JSON.writeValueAsString(body));
    }

    Answer delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null);
    }

    /** GET that must answer 200. */
    JsonNode ok(String path) throws IOException, InterruptedException {
        Answer answer = get(path);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + answer.status() + " " + answer.json());
        }
        return answer.json();
    }

    private Answer send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json);
    }
}
