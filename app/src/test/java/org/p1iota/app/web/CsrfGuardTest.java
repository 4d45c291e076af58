package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsrfGuardTest extends JettyRouteTestSupport {

    private static final String API_TOKEN = "api-client-token-0123456789";
    private final SessionManager sessions = new SessionManager(SessionManagerTest.TOKEN, "myhome_session",
            Duration.ofHours(1), false, new MutableClock());
    private String cookie;
    private String csrf;

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("sessions", sessions);
        AccessGate gate = AccessGate.forApi(sessions, new BearerAuth(API_TOKEN));
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(jetty("/login")).to("bean:sessions?method=login");
                from(jetty("/api?matchOnUriPrefix=true")).process(gate)
                        .setHeader("Content-Type", constant("text/plain")).setBody(constant("changed"));
                from(jetty("/guard-only?matchOnUriPrefix=true")).process(new CsrfGuard(sessions))
                        .setHeader("Content-Type", constant("text/plain")).setBody(constant("changed"));
            }
        };
    }

    @BeforeEach
    void logIn() throws Exception {
        HttpResponse<String> login = send("POST", "/login", "{\"token\":\"" + SessionManagerTest.TOKEN + "\"}",
                "Content-Type", "application/json");
        cookie = SessionManagerTest.cookiePair(login);
        csrf = WebJson.MAPPER.readTree(login.body()).get("csrfToken").asText();
    }

    private static String error(HttpResponse<String> response) throws Exception {
        JsonNode body = WebJson.MAPPER.readTree(response.body());
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return body.get("error").asText();
    }

    @Test
    void aStateChangeWithTheSessionsTokenPasses() throws Exception {
        HttpResponse<String> response = send("POST", "/api/policies", "{}", "Cookie", cookie, CsrfGuard.HEADER, csrf);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("changed");
    }

    @Test
    void aStateChangeWithoutTheTokenIsRefused() throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            HttpResponse<String> response = send(method, "/api/policies/p1", "{}", "Cookie", cookie);
            assertThat(response.statusCode()).as(method).isEqualTo(403);
            assertThat(error(response)).isEqualTo("csrf_token_missing");
        }
    }

    @Test
    void aWrongTokenOrAnotherSessionsTokenIsRefused() throws Exception {
        HttpResponse<String> wrong = send("POST", "/api/policies", "{}", "Cookie", cookie, CsrfGuard.HEADER, csrf + "x");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(error(wrong)).isEqualTo("csrf_token_invalid");

        String otherCsrf = csrf;
        logIn();
        HttpResponse<String> crossed = send("DELETE", "/api/devices/X", null, "Cookie", cookie, CsrfGuard.HEADER, otherCsrf);
        assertThat(crossed.statusCode()).isEqualTo(403);
    }

    @Test
    void readsNeedNoToken() throws Exception {
        assertThat(get("/api/policies", "Cookie", cookie).statusCode()).isEqualTo(200);
    }

    @Test
    void anHtmlFormMayCarryTheTokenInTheBodyButNotInTheUrl() throws Exception {
        HttpResponse<String> form = send("POST", "/api/logout", "_csrf=" + csrf, "Cookie", cookie,
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(form.statusCode()).isEqualTo(200);

        HttpResponse<String> inUrl = send("POST", "/api/logout?_csrf=" + csrf, "", "Cookie", cookie,
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(inUrl.statusCode()).isEqualTo(403);
        assertThat(error(inUrl)).isEqualTo("csrf_token_in_url");
    }

    @Test
    void apiClientsWithABearerTokenNeedNoCsrfToken() throws Exception {
        assertThat(send("POST", "/api/policies", "{}", "Authorization", "Bearer " + API_TOKEN).statusCode()).isEqualTo(200);

        HttpResponse<String> wrong = send("POST", "/api/policies", "{}", "Authorization", "Bearer " + API_TOKEN + "x",
                "Cookie", cookie, CsrfGuard.HEADER, csrf);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void theGuardAloneRefusesAStateChangeWithoutSession() throws Exception {
        HttpResponse<String> response = send("POST", "/guard-only", "{}", CsrfGuard.HEADER, csrf);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(error(response)).isEqualTo("csrf_no_session");
    }
}
