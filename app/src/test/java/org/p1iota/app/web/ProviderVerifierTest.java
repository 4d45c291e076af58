package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p1iota.app.web.ConsentLinkException.Reason;

/** A provider's metadata served by a real Jetty; My Home's verifier fetches it. */
class ProviderVerifierTest extends JettyRouteTestSupport {

    static final String INBOX = "A".repeat(80) + "9";
    static final String OTHER_INBOX = "B".repeat(81);
    /** The test's provider is on loopback, on a free port. */
    static final ProviderOriginRules LOCAL = new ProviderOriginRules(true, java.util.Set.of());

    /** Generous: a loaded build machine may take a second for Jetty's first answer. */
    private final ProviderVerifier verifier = new ProviderVerifier(LOCAL, Duration.ofSeconds(5), 2048);
    private final CountDownLatch silence = new CountDownLatch(1);
    private volatile String metadataJson;
    private volatile int metadataStatus = 200;
    private volatile boolean silent;
    private volatile String lastQuery;
    private String publicKey;

    static String randomKey() {
        byte[] key = new byte[931];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(jetty(ProviderMetadata.PATH)).process(exchange -> {
                    lastQuery = exchange.getIn().getHeader(Exchange.HTTP_QUERY, String.class);
                    if (silent) {
                        silence.await(10, TimeUnit.SECONDS);
                    }
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, metadataStatus);
                    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                    exchange.getMessage().setBody(metadataJson);
                });
            }
        };
    }

    @BeforeEach
    void publish() throws Exception {
        publicKey = randomKey();
        metadataJson = WebJson.MAPPER.writeValueAsString(ProviderMetadata.of("Wattt Insights", INBOX, publicKey, "ML-KEM-768"));
    }

    @AfterEach
    void speak() {
        silence.countDown();
    }

    Map<String, String> link(String inbox, String key, String returnUrl) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("requestId", "req_0123456789");
        parameters.put("inbox", inbox);
        parameters.put("publicKey", key);
        parameters.put("goal", "Show your energy use per day");
        parameters.put("returnUrl", returnUrl);
        return parameters;
    }

    private ConsentLink honestLink() throws ConsentLinkException {
        return ConsentLink.fromParameters(link(INBOX, publicKey, base() + "/connected?x=1"));
    }

    @Test
    void aLinkThatMatchesThePublishedMetadataIsVerified() throws Exception {
        VerifiedProvider provider = verifier.verify(honestLink());

        assertThat(provider.name()).isEqualTo("Wattt Insights");
        assertThat(provider.origin()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(provider.fingerprint()).isEqualTo(ProviderMetadata.fingerprintOf(publicKey)).matches("([0-9a-f]{4}-){4}[0-9a-f]{4}");
        assertThat(lastQuery).isEqualTo("requestId=req_0123456789");
    }

    private void assertRefused(Map<String, String> parameters, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(ConsentLink.fromParameters(parameters)))
                .isInstanceOfSatisfying(ConsentLinkException.class, e -> {
                    assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @Test
    void aForgedAddressOrKeyIsRefused() {
        assertRefused(link(OTHER_INBOX, publicKey, base() + "/connected"), Reason.ADDRESS_MISMATCH);
        assertRefused(link(INBOX, randomKey(), base() + "/connected"), Reason.KEY_MISMATCH);
    }

    @Test
    void aPublishedFingerprintThatIsNotTheKeysIsRefused() throws Exception {
        metadataJson = WebJson.MAPPER.writeValueAsString(new ProviderMetadata("Wattt Insights", INBOX, publicKey,
                ProviderMetadata.fingerprintOf(randomKey()), "ML-KEM-768"));

        assertRefused(link(INBOX, publicKey, base() + "/connected"), Reason.FINGERPRINT_MISMATCH);
    }

    @Test
    void aReturnUrlThatIsNotHttpIsRefusedBeforeAnyFetch() {
        for (String url : new String[] {"javascript:alert(1)", "ftp://127.0.0.1/x", "file:///etc/passwd",
            "data:text/html,hi", "http://user@127.0.0.1:" + port + "/"}) {
            assertThatThrownBy(() -> ConsentLink.fromParameters(link(INBOX, publicKey, url)))
                    .as(url).isInstanceOfSatisfying(ConsentLinkException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.RETURN_URL_NOT_HTTP));
        }
    }

    @Test
    void invalidOrOversizedOrMissingMetadataIsRefused() throws Exception {
        metadataJson = "{\"name\": \"Wattt\"}";
        assertRefused(link(INBOX, publicKey, base() + "/"), Reason.METADATA_INVALID);
        metadataJson = "not json";
        assertRefused(link(INBOX, publicKey, base() + "/"), Reason.METADATA_INVALID);

        metadataJson = "{\"padding\": \"" + "x".repeat(4096) + "\"}";
        assertRefused(link(INBOX, publicKey, base() + "/"), Reason.METADATA_INVALID);
        publish();
        metadataStatus = 404;
        assertRefused(link(INBOX, publicKey, base() + "/"), Reason.METADATA_INVALID);
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        metadataStatus = 302;
        assertRefused(link(INBOX, publicKey, base() + "/"), Reason.METADATA_INVALID);
    }

    @Test
    void aSilentOrClosedProviderIsUnreachable() {
        silent = true;
        ProviderVerifier impatient = new ProviderVerifier(LOCAL, Duration.ofMillis(500), 2048);
        assertThatThrownBy(() -> impatient.verify(ConsentLink.fromParameters(link(INBOX, publicKey, base() + "/"))))
                .isInstanceOfSatisfying(ConsentLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.METADATA_UNREACHABLE));

        int closed = AvailablePortFinder.getNextAvailable();
        assertRefused(link(INBOX, publicKey, "http://127.0.0.1:" + closed + "/"), Reason.METADATA_UNREACHABLE);
    }

    @Test
    void aProviderTricklingItsAnswerIsCutOffAtTheDeadline() throws Exception {
        int tricklePort = AvailablePortFinder.getNextAvailable();
        ServerSentEvents trickle = new ServerSentEvents(Duration.ofMillis(100), 10);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jetty:http://127.0.0.1:" + tricklePort + ProviderMetadata.PATH + "?useContinuation=false")
                        .process(exchange -> trickle.respond(exchange, topic -> false));
            }
        });
        ProviderVerifier impatient = new ProviderVerifier(LOCAL, Duration.ofSeconds(1), 2048);
        long started = System.nanoTime();

        assertThatThrownBy(() -> impatient.verify(ConsentLink.fromParameters(link(INBOX, publicKey,
                "http://127.0.0.1:" + tricklePort + "/"))))
                .isInstanceOfSatisfying(ConsentLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.METADATA_UNREACHABLE));
        // 2048 bytes of 14-byte heartbeats every 100 ms would take 15 s: the deadline cut it
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        trickle.close();
    }

    @Test
    void theConsentPagesEndpointAnswersWhatThePageShows() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(jetty("/api/consent-link")).process(new ConsentLinkEndpoint(verifier));
            }
        });
        StringBuilder query = new StringBuilder();
        link(INBOX, publicKey, base() + "/connected").forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&")
                .append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));

        var ok = WebJson.MAPPER.readTree(get("/api/consent-link" + query).body());
        assertThat(ok.at("/provider/name").asText()).isEqualTo("Wattt Insights");
        assertThat(ok.at("/provider/origin").asText()).isEqualTo(base());
        assertThat(ok.at("/provider/fingerprint").asText()).isEqualTo(ProviderMetadata.fingerprintOf(publicKey));
        assertThat(ok.get("goal").asText()).isEqualTo("Show your energy use per day");

        var forged = get("/api/consent-link" + query.toString().replace(INBOX, OTHER_INBOX));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(WebJson.MAPPER.readTree(forged.body()).get("error").asText()).isEqualTo("provider_address_mismatch");

        var damaged = get("/api/consent-link?requestId=x");
        assertThat(damaged.statusCode()).isEqualTo(400);
        assertThat(WebJson.MAPPER.readTree(damaged.body()).get("error").asText()).isEqualTo("consent_link_malformed");
    }

    @Test
    void grantAndDenyReVerifyTheLinkAndAnswerTheWayBack() throws Exception {
        ConsentLinkEndpoint endpoint = new ConsentLinkEndpoint(verifier);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(jetty("/api/consent-link/deny")).process(endpoint::deny);
                from(jetty("/api/policies")).process(exchange -> {
                    if (endpoint.verifyBody(exchange) != null) {
                        endpoint.granted(exchange, "pol_0123456789");
                    }
                });
            }
        });
        Map<String, String> honest = link(INBOX, publicKey, base() + "/connected");
        String json = WebJson.MAPPER.writeValueAsString(honest);

        var denied = send("POST", "/api/consent-link/deny", json, "Content-Type", "application/json");
        assertThat(denied.statusCode()).isEqualTo(200);
        assertThat(WebJson.MAPPER.readTree(denied.body()).get("redirect").asText())
                .isEqualTo(base() + "/connected?consent=denied&requestId=req_0123456789");

        var granted = send("POST", "/api/policies", json, "Content-Type", "application/json");
        assertThat(granted.statusCode()).isEqualTo(201);
        assertThat(WebJson.MAPPER.readTree(granted.body()).get("redirect").asText())
                .isEqualTo(base() + "/connected?consent=granted&requestId=req_0123456789");
        assertThat(WebJson.MAPPER.readTree(granted.body()).get("policyId").asText()).isEqualTo("pol_0123456789");

        String forged = WebJson.MAPPER.writeValueAsString(link(INBOX, randomKey(), base() + "/connected"));
        var refused = send("POST", "/api/policies", forged, "Content-Type", "application/json");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(WebJson.MAPPER.readTree(refused.body()).get("error").asText()).isEqualTo("provider_key_mismatch");
        assertThat(send("POST", "/api/consent-link/deny", "requestId=x", "Content-Type", "text/plain").statusCode())
                .isEqualTo(400);
    }
}
