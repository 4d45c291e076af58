package org.p1iota.app.myhome;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.demo.Demo;
import org.p1iota.app.demo.DemoSettings;
import org.p1iota.app.testing.RawHttp;
import org.p1iota.app.testing.RunningMyHome;
import org.p1iota.app.testing.RunningNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consent link used as a probe of the household's network: its returnUrl names a service on
 * My Home's own machine that is no provider. With the default settings My Home refuses the link
 * without connecting to it; with private networks allowed (the demo), a provider next to My Home
 * is still verified.
 */
class ConsentLinkProbeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    /** A loopback service (think: the router's admin page) that counts who connects. */
    static final class Bystander implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();
        private final Thread acceptor;

        Bystander() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        connections.incrementAndGet();
                        OutputStream out = client.getOutputStream();
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
                    } catch (SocketException closed) {
                        return;
                    } catch (IOException e) {
                        // next one
                    }
                }
            }, "bystander");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void aLinkToAServiceOnTheHouseholdsNetworkIsRefusedWithoutConnecting() throws Exception {
        String deadNode = "http://127.0.0.1:" + RunningNode.freePort();
        try (Bystander bystander = new Bystander();
             ProviderSite provider = new ProviderSite();
             RunningMyHome myHome = RunningMyHome.start(data, deadNode, 3, RunningNode.freePort(),
                     Map.of("myhome.provider-check.allow-private-networks", "false"))) {
            RawHttp http = RawHttp.loopback(myHome.port);
            String bearer = "Bearer " + myHome.token();
            for (String target : new String[] {"http://127.0.0.1:" + bystander.socket.getLocalPort() + "/",
                "http://localhost:" + bystander.socket.getLocalPort() + "/admin", provider.origin + "/"}) {
                Map<String, String> link = provider.link("req_probe0001");
                link.put("returnUrl", target);
                RawHttp.Response answer = http.send("GET", "/api/consent-link" + query(link), null, "Authorization", bearer);
                assertThat(answer.status()).as(target + ": " + answer.body()).isEqualTo(403);
                assertThat(JSON.readTree(answer.body()).get("error").asText()).isEqualTo("provider_origin_not_allowed");
            }
            assertThat(bystander.connections.get()).as("connections My Home made to the bystander").isZero();
        }
    }

    @Test
    void withPrivateNetworksAllowedAProviderNextToMyHomeIsVerified() throws Exception {
        String deadNode = "http://127.0.0.1:" + RunningNode.freePort();
        try (ProviderSite provider = new ProviderSite();
             RunningMyHome myHome = RunningMyHome.start(data, deadNode, 3, RunningNode.freePort(),
                     Map.of("myhome.provider-check.allow-private-networks", "true",
                             "myhome.provider-check.ports", String.valueOf(java.net.URI.create(provider.origin).getPort())))) {
            RawHttp.Response answer = RawHttp.loopback(myHome.port).send("GET", "/api/consent-link"
                    + query(provider.link("req_genuine01")), null, "Authorization", "Bearer " + myHome.token());
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode view = JSON.readTree(answer.body());
            assertThat(view.at("/provider/origin").asText()).isEqualTo(provider.origin);
        }
    }

    @Test
    void theDemosMyHomeVerifiesTheDemosProvider() throws Exception {
        DemoSettings settings = new DemoSettings(data, RunningNode.freePort(), RunningNode.freePort(), RunningNode.freePort(), 0, 3,
                Duration.ofMillis(300), "127.0.0.1");
        try (Demo demo = new Demo(settings, Optional.of(RunningNode.repositoryRoutes()),
                new PrintStream(new ByteArrayOutputStream())).start()) {
            String providerToken = Files.readString(settings.roleDirectory("provider").resolve(SecretStore.API_TOKEN)).strip();
            String householdToken = Files.readString(settings.roleDirectory("myhome").resolve(SecretStore.API_TOKEN)).strip();
            RawHttp.Response request = RawHttp.loopback(settings.providerPort()).send("POST", "/api/consent-requests", "{}",
                    "Content-Type", "application/json", "Authorization", "Bearer " + providerToken);
            assertThat(request.status()).as(request.body()).isEqualTo(201);
            URI consentPage = URI.create(JSON.readTree(request.body()).get("myHomeUrl").asText());
            RawHttp.Response answer = RawHttp.loopback(settings.myHomePort()).send("GET",
                    "/api/consent-link?" + consentPage.getRawQuery(), null, "Authorization", "Bearer " + householdToken);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).at("/provider/origin").asText()).isEqualTo(settings.providerUrl());
        }
    }

    private static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }
}
