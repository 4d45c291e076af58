package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wattt Insights' YAML wiring: public pages, visitor sessions, and the metadata My Home verifies. */
class WatttWebRoutesTest extends JettyRouteTestSupport {

    private final String publicKey = ProviderVerifierTest.randomKey();
    private final ProviderMetadata metadata = ProviderMetadata.of("Wattt Insights", ProviderVerifierTest.INBOX, publicKey, "ML-KEM-768");

    @Override
    protected RouteBuilder createRouteBuilder() {
        Properties properties = new Properties();
        properties.setProperty("wattt.host", "127.0.0.1");
        properties.setProperty("wattt.port", String.valueOf(port));
        context.getPropertiesComponent().setOverrideProperties(properties);
        SessionManager sessions = SessionManager.forVisitors("wattt_session", false);
        context.getRegistry().bind("securityHeaders", new SecurityHeaders());
        context.getRegistry().bind("headerHygiene", new HeaderHygiene());
        context.getRegistry().bind("watttSessions", sessions);
        context.getRegistry().bind("watttApiGate", AccessGate.forApi(sessions, new BearerAuth("provider-api-token-0123456789")));
        context.getRegistry().bind("watttAssets", new StaticAssets("web/wattt", "web/common"));
        context.getRegistry().bind("providerMetadata", new ProviderMetadataEndpoint(requestId ->
                requestId.filter(id -> id.equals("req_0123456789")).map(id -> metadata)));
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the routes come from YAML, below
            }
        };
    }

    @BeforeEach
    void loadYamlRoutes() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:web-routes/wattt-web.camel.yaml"));
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

    @Test
    void myHomesVerifierAcceptsWhatWatttPublishes() throws Exception {
        HttpResponse<String> published = get(ProviderMetadata.PATH + "?requestId=req_0123456789");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(WebJson.MAPPER.readTree(published.body()).get("publicKeyFingerprint").asText())
                .isEqualTo(ProviderMetadata.fingerprintOf(publicKey));
        assertThat(get(ProviderMetadata.PATH + "?requestId=req_unknown000").statusCode()).isEqualTo(404);

        VerifiedProvider verified = new ProviderVerifier(new ProviderOriginRules(true, java.util.Set.of())).verify(ConsentLink.fromParameters(Map.of(
                "requestId", "req_0123456789", "inbox", ProviderVerifierTest.INBOX, "publicKey", publicKey,
                "goal", "Energy insights", "returnUrl", base() + "/?from=myhome")));
        assertThat(verified.name()).isEqualTo("Wattt Insights");
        assertThat(Optional.of(verified.origin())).contains(base());
    }
}
