package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

class SessionManagerTest extends JettyRouteTestSupport {

    static final String TOKEN = "household-token-0123456789abcdef";
    private final MutableClock clock = new MutableClock();
    private final SessionManager sessions = new SessionManager(TOKEN, "myhome_session", Duration.ofHours(1), false, clock);

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("sessions", sessions);
        context.getRegistry().bind("headerHygiene", new HeaderHygiene());
        AccessGate gate = AccessGate.forApi(sessions, null);
        String options = "?headerFilterStrategy=#headerHygiene";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(jetty("/login" + options)).process(new SecurityHeaders()).to("bean:sessions?method=login");
                from(jetty("/logout" + options)).process(new SecurityHeaders()).process(gate).to("bean:sessions?method=logout");
                from(jetty("/api/session" + options)).process(new SecurityHeaders()).to("bean:sessions?method=describe");
                from(jetty("/api/private" + options)).process(new SecurityHeaders()).process(gate)
                        .setHeader("Content-Type", constant("text/plain")).setBody(constant("private data"));
            }
        };
    }

    private HttpResponse<String> login(String token) throws Exception {
        return send("POST", "/login", "{\"token\": \"" + token + "\"}", "Content-Type", "application/json");
    }

    static String cookiePair(HttpResponse<String> response) {
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return WebJson.MAPPER.readTree(response.body());
    }

    @Test
    void theRightTokenOpensASessionInAStrictHttpOnlyCookie() throws Exception {
        HttpResponse<String> response = login(TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("myhome_session=").contains("; HttpOnly").contains("; SameSite=Strict")
                .contains("; Path=/").contains("Max-Age=3600").doesNotContain("Secure");
        String id = cookiePair(response).substring("myhome_session=".length());
        assertThat(Base64.getUrlDecoder().decode(id)).hasSizeGreaterThanOrEqualTo(16);
        assertThat(json(response).get("csrfToken").asText()).hasSizeGreaterThanOrEqualTo(22).isNotEqualTo(id);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");

        HttpResponse<String> data = get("/api/private", "Cookie", cookiePair(response));
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.body()).isEqualTo("private data");
    }

    @Test
    void aWrongTokenOrNoSessionIsRefusedWithTheErrorShape() throws Exception {
        HttpResponse<String> wrong = login("household-token-0123456789abcdeX");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).get("error").asText()).isEqualTo("wrong_token");
        assertThat(json(wrong).get("message").asText()).isNotBlank();
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        assertThat(get("/api/private").statusCode()).isEqualTo(401);
        assertThat(get("/api/private", "Cookie", "myhome_session=made-up").statusCode()).isEqualTo(401);
        assertThat(json(get("/api/session")).get("error").asText()).isEqualTo("not_logged_in");
    }

    @Test
    void loginWantsJson() throws Exception {
        HttpResponse<String> form = send("POST", "/login", "token=" + TOKEN, "Content-Type", "application/x-www-form-urlencoded");

        assertThat(form.statusCode()).isEqualTo(415);
    }

    @Test
    void everyLoginGetsAFreshRandomId() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(cookiePair(login(TOKEN)));
        }
        assertThat(ids).hasSize(5);
    }

    @Test
    void logoutInvalidatesTheSession() throws Exception {
        HttpResponse<String> session = login(TOKEN);
        String cookie = cookiePair(session);
        String csrf = json(session).get("csrfToken").asText();

        HttpResponse<String> logout = send("POST", "/logout", "", "Cookie", cookie, CsrfGuard.HEADER, csrf);

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("myhome_session=;").contains("Max-Age=0");
        assertThat(get("/api/private", "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionExpires() throws Exception {
        String cookie = cookiePair(login(TOKEN));
        assertThat(get("/api/session", "Cookie", cookie).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(61));

        assertThat(get("/api/session", "Cookie", cookie).statusCode()).isEqualTo(401);
        assertThat(get("/api/private", "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void fiveWrongTokensMakeThisClientWait() throws Exception {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(login("wrong-token-wrong-token-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = login(TOKEN);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).contains("1");

        clock.advance(LoginThrottle.FIRST_DELAY);

        assertThat(login(TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void theSecureFlagIsAddedWhenConfigured() {
        SessionManager secure = new SessionManager(TOKEN, "myhome_session", Duration.ofHours(1), true, clock);
        Session session = secure.open("127.0.0.1", TOKEN).orElseThrow();

        assertThat(secure.setCookie(session)).endsWith("; Secure");
        assertThat(secure.clearCookie()).endsWith("; Secure");
        assertThat(session.toString()).doesNotContain(session.id()).doesNotContain(session.csrfToken());
    }

    @Test
    void visitorSessionsOpenWithoutALoginButNotWithoutBound() {
        SessionManager visitors = new SessionManager(null, "wattt_session", Duration.ofHours(1), false, clock);

        assertThat(visitors.open("127.0.0.1", TOKEN)).isEmpty();
        assertThat(visitors.visitorsAllowed()).isTrue();

        Session first = null;
        for (int i = 0; i <= SessionManager.MAX_SESSIONS; i++) {
            Session session = visitors.openVisitor();
            first = first == null ? session : first;
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(visitors.find(first.id())).isEmpty();
    }
}
