package org.p1iota.app.myhome;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** My Home's HTTP API as the pages (session cookie + CSRF token) or a script (Bearer token) call it. */
final class MyHomeClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode json, HttpResponse<String> raw) {
        String error() {
            return json.path("error").asText();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String bearer;
    private String cookie;
    private String csrf;

    MyHomeClient(String base) {
        this.base = base;
    }

    MyHomeClient withBearer(String token) {
        this.bearer = token;
        return this;
    }

    /** Logs in like login.html does; keeps the session cookie and the CSRF token. */
    Answer login(String token) throws Exception {
        Answer answer = send("POST", "/login", JSON.writeValueAsString(java.util.Map.of("token", token)), false);
        if (answer.status() == 200) {
            cookie = answer.raw().headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            csrf = answer.json().path("csrfToken").asText();
        }
        return answer;
    }

    Answer get(String path) throws Exception {
        return send("GET", path, null, true);
    }

    Answer post(String path, Object body) throws Exception {
        return send("POST", path, JSON.writeValueAsString(body), true);
    }

    Answer delete(String path) throws Exception {
        return send("DELETE", path, null, true);
    }

    /** @param withCsrf whether a session's state change carries the CSRF token */
    Answer send(String method, String path, String body, boolean withCsrf) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        List<String> headers = new ArrayList<>(List.of("Accept", "application/json"));
        if (body != null) {
            headers.addAll(List.of("Content-Type", "application/json"));
        }
        if (bearer != null) {
            headers.addAll(List.of("Authorization", "Bearer " + bearer));
        }
        if (cookie != null) {
            headers.addAll(List.of("Cookie", cookie));
        }
        if (withCsrf && csrf != null && !method.equals("GET")) {
            headers.addAll(List.of("X-CSRF-Token", csrf));
        }
        request.headers(headers.toArray(String[]::new));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() || !response.headers().firstValue("Content-Type").orElse("").contains("json")
                ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, response);
    }
}
