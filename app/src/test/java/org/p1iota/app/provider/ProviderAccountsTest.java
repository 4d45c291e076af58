package org.p1iota.app.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.app.testing.RunningProvider;

/**
 * Issue 16 at Wattt Insights, over real HTTP to the running role (no node needed): customer accounts
 * that survive a restart (Argon2id hashes in the provider's database), the meter named as the customer
 * named it, Content-Type sent once, and a browser leaving the live page logging no stack traces.
 */
class ProviderAccountsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private RunningProvider provider;
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (provider != null) {
            provider.close();
        }
    }

    private WatttVisitor visitor() throws Exception {
        return new WatttVisitor(http, () -> provider.baseUrl());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(provider.baseUrl() + path));
    }

    @Test
    void anAccountKeepsItsNamedMeterAcrossARestart() throws Exception {
        port = RunningNode.freePort();
        provider = RunningProvider.start(data, RunningNode.freePort(), 3, port, Map.of());
        WatttVisitor visitor = visitor();
        assertThat(visitor.post("/api/account/signup", "{\"email\":\"ann@example.org\",\"password\":\"short\"}").statusCode())
                .isEqualTo(400);
        String cookieBefore = visitor.cookie;
        HttpResponse<String> signedUp = visitor.post("/api/account/signup",
                "{\"email\":\"Ann@Example.org\",\"password\":\"correct horse battery\"}");
        assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(201);
        assertThat(visitor.cookie).as("a new session after signing up").isNotEqualTo(cookieBefore);
        assertThat(visitor.post("/api/account/signup", "{\"email\":\"ann@example.org\",\"password\":\"another password\"}")
                .statusCode()).isEqualTo(409);
        HttpResponse<String> created = visitor.post("/api/consent-requests", "{\"meterName\":\"Home, Amsterdam\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String household = JSON.readTree(created.body()).get("id").asText();
        JsonNode listed = visitor.get("/api/households");
        assertThat(listed.get(0).get("name").asText()).isEqualTo("Home, Amsterdam").doesNotStartWith("req_");

        // restart: sessions are gone, the account and its meter are not
        provider.close();
        provider = RunningProvider.start(data, RunningNode.freePort(), 3, port, Map.of());
        WatttVisitor again = visitor();
        assertThat(again.get("/api/households")).as("a new visitor sees nothing").isEmpty();
        assertThat(again.post("/api/account/login", "{\"email\":\"ann@example.org\",\"password\":\"wrong password!\"}").statusCode())
                .isEqualTo(401);
        HttpResponse<String> loggedIn = again.post("/api/account/login", "{\"email\":\"ann@example.org\",\"password\":\"correct horse battery\"}");
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
        JsonNode mine = again.get("/api/households");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("id").asText()).isEqualTo(household);
        assertThat(mine.get(0).get("name").asText()).isEqualTo("Home, Amsterdam");
        assertThat(again.get("/api/account").get("email").asText()).isEqualTo("ann@example.org");

        // the stored hash is Argon2id, never the password
        provider.close();
        try (ProviderDatabase database = ProviderDatabase.open(data.resolve("provider-db"))) {
            String hash = database.transaction(connection -> {
                try (PreparedStatement query = connection.prepareStatement("SELECT password_hash FROM account");
                        ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            });
            assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("horse");
        }
        provider = null;
    }

    @Test
    void contentTypeOnceAndALeavingBrowserLogsNoStackTraces() throws Exception {
        provider = RunningProvider.start(data, RunningNode.freePort(), 3, Map.of("provider.sse-heartbeat-seconds", "1"));
        HttpResponse<String> created = provider.post("/api/consent-requests", "{}");
        String household = JSON.readTree(created.body()).get("id").asText();
        HttpResponse<String> csv = provider.get("/api/readings?format=csv&household=" + household);
        assertThat(csv.headers().allValues("Content-Type")).containsExactly("text/csv; charset=utf-8");
        assertThat(provider.get("/api/households").headers().allValues("Content-Type")).singleElement().asString().startsWith("application/json");

        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < 3; i++) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), provider.port)) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET /api/readings/stream?household=" + household + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + provider.token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = socket.getInputStream();
                    byte[] head = new byte[64];
                    assertThat(in.read(head)).isPositive();
                }
            }
            Thread.sleep(3500); // heartbeats go to the closed connections
        } finally {
            System.setErr(original);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).doesNotContain("EofException").doesNotContain("Broken pipe").doesNotContain("Committed")
                .doesNotContain("\tat ");
        assertThat(logged.lines().filter(line -> line.contains("WARN") || line.contains("ERROR")).count()).isLessThanOrEqualTo(3);
    }
}
