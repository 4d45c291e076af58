package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The YAML wiring of docs/http-api.md, loaded as the role would load it, serving the real pages. */
class MyHomeWebRoutesTest extends JettyRouteTestSupport {

    private final SessionManager sessions = new SessionManager(SessionManagerTest.TOKEN, SessionManager.DEFAULT_COOKIE,
            Duration.ofHours(1), false, new MutableClock());

    @Override
    protected RouteBuilder createRouteBuilder() {
        Properties properties = new Properties();
        properties.setProperty("myhome.host", "127.0.0.1");
        properties.setProperty("myhome.port", String.valueOf(port));
        context.getPropertiesComponent().setOverrideProperties(properties);
        context.getRegistry().bind("securityHeaders", new SecurityHeaders());
        context.getRegistry().bind("headerHygiene", new HeaderHygiene());
        context.getRegistry().bind("myhomeSessions", sessions);
        context.getRegistry().bind("myhomeApiGate", AccessGate.forApi(sessions, null));
        context.getRegistry().bind("myhomePageGate", AccessGate.forPages(sessions, "/login.html"));
        context.getRegistry().bind("myhomeAssets", new StaticAssets("web/myhome", "web/common"));
        context.getRegistry().bind("consentLink", new ConsentLinkEndpoint(new ProviderVerifier(new ProviderOriginRules(true, java.util.Set.of()))));
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
                ResourceHelper.resolveMandatoryResource(context, "classpath:web-routes/myhome-web.camel.yaml"));
    }

    private String logIn() throws Exception {
        HttpResponse<String> login = send("POST", "/login", "{\"token\":\"" + SessionManagerTest.TOKEN + "\"}",
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

    @Test
    void aForgedConsentLinkIsRefusedBeforeAnythingIsShown() throws Exception {
        String cookie = logIn();
        int closed = org.apache.camel.test.AvailablePortFinder.getNextAvailable();
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
