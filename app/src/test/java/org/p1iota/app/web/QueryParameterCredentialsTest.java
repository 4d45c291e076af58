package org.p1iota.app.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.jetty.JettyHttpEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.RawHttp;
import org.p1iota.app.testing.RunningMyHome;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.app.testing.RunningProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel-jetty copies query parameters into the message headers: {@code ?Authorization=Bearer …},
 * {@code ?Cookie=…} and {@code ?X-CSRF-Token=…} must count for nothing. Every jetty route the running
 * My Home and Wattt Insights have (so a new route is covered without touching this test) is called
 * with each credential in the URL and must answer exactly as it answers without it; then the same
 * credentials as real headers work.
 */
class QueryParameterCredentialsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("GET", "POST", "DELETE");

    @TempDir
    static Path data;
    static RunningMyHome myHome;
    static RunningProvider provider;

    @BeforeAll
    static void start() throws Exception {
        String deadNode = "http://127.0.0.1:" + RunningNode.freePort();
        myHome = RunningMyHome.start(data.resolve("myhome"), deadNode, 3, RunningNode.freePort(), Map.of());
        provider = RunningProvider.start(data.resolve("provider"), RunningNode.freePort(), 3, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (provider != null) {
            provider.close();
        }
        if (myHome != null) {
            myHome.close();
        }
    }

    /** A browser's session: its cookie (name=value) and CSRF token. */
    record Victim(String cookie, String csrf) {
    }

    @Test
    void credentialsInTheQueryAuthenticateNothingOnAnyRouteOfMyHome() throws Exception {
        List<String> differences = probeEveryRoute(myHome.running().camelContext(), myHome.port, myHome.token(),
                () -> myHomeSession());
        assertThat(differences).as("routes where a credential in the URL changed the answer").isEmpty();

        // the genuine flow: the same credentials as real headers
        RawHttp http = RawHttp.loopback(myHome.port);
        assertThat(http.send("GET", "/api/pairings/pr_unknown1", null, "Authorization", "Bearer " + myHome.token()).status())
                .isEqualTo(404);
        Victim session = myHomeSession();
        assertThat(http.send("GET", "/index.html", null, "Cookie", session.cookie()).status()).isEqualTo(200);
        assertThat(http.send("POST", "/logout", "{}", "Content-Type", "application/json", "Cookie", session.cookie(),
                "X-CSRF-Token", session.csrf()).status()).isEqualTo(200);
        // an HTML form post carries the token in its body, which still counts
        Victim form = myHomeSession();
        RawHttp.Response formLogout = http.send("POST", "/logout", "_csrf=" + form.csrf(),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", form.cookie());
        assertThat(formLogout.status()).as(formLogout.body()).isEqualTo(200);
    }

    @Test
    void credentialsInTheQueryAuthenticateNothingOnAnyRouteOfWatttInsights() throws Exception {
        List<String> differences = probeEveryRoute(provider.running().camelContext(), provider.port, provider.token,
                () -> watttSession());
        assertThat(differences).as("routes where a credential in the URL changed the answer").isEmpty();

        RawHttp http = RawHttp.loopback(provider.port);
        assertThat(http.send("GET", "/api/households", null, "Authorization", "Bearer " + provider.token).status()).isEqualTo(200);
        Victim session = watttSession();
        RawHttp.Response created = http.send("POST", "/api/consent-requests", "{}", "Content-Type", "application/json",
                "Cookie", session.cookie(), "X-CSRF-Token", session.csrf());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void aContentTypeInTheQueryDoesNotMakeABodyJson() throws Exception {
        RawHttp http = RawHttp.loopback(myHome.port);
        String login = "{\"token\":\"" + myHome.token() + "\"}";
        RawHttp.Response untyped = http.send("POST", "/login?Content-Type=application%2Fjson", login);
        assertThat(untyped.status()).as(untyped.body()).isEqualTo(415);
        RawHttp.Response plain = http.send("POST", "/login?Content-Type=application%2Fjson", login, "Content-Type", "text/plain");
        assertThat(plain.status()).as(plain.body()).isEqualTo(415);
        assertThat(http.send("POST", "/login", login, "Content-Type", "application/json").status()).isEqualTo(200);
    }

    private interface SessionSource {
        Victim open() throws Exception;
    }

    /**
     * For every jetty route and method: an anonymous request with {@code ?Authorization=Bearer <token>}
     * or {@code ?Cookie=<session>}, and a session's request with {@code ?X-CSRF-Token=<its token>},
     * each compared with the same request without the parameter.
     */
    private static List<String> probeEveryRoute(CamelContext camel, int port, String token, SessionSource sessions)
            throws Exception {
        List<String> paths = jettyPaths(camel);
        assertThat(paths).hasSizeGreaterThan(5);
        RawHttp http = RawHttp.loopback(port);
        List<String> differences = new ArrayList<>();
        for (String path : paths) {
            for (String method : METHODS) {
                String body = method.equals("POST") ? "{}" : null;
                String[] json = body == null ? new String[0] : new String[] {"Content-Type", "application/json"};
                Victim victim = sessions.open();
                String sessionId = victim.cookie().substring(victim.cookie().indexOf('=') + 1);
                String cookieName = victim.cookie().substring(0, victim.cookie().indexOf('='));

                RawHttp.Response anonymous = http.send(method, path, body, json);
                RawHttp.Response bearer = http.send(method, path + query("Authorization", "Bearer " + token), body, json);
                compare(differences, method + " " + path + "?Authorization", anonymous, bearer, victim);
                RawHttp.Response cookie = http.send(method, path + query("Cookie", cookieName + "=" + sessionId), body, json);
                compare(differences, method + " " + path + "?Cookie", anonymous, cookie, victim);

                if (!method.equals("GET")) {
                    String[] withCookie = concat(json, "Cookie", victim.cookie());
                    RawHttp.Response noToken = http.send(method, path, body, withCookie);
                    RawHttp.Response tokenInUrl = http.send(method, path + query("X-CSRF-Token", victim.csrf()), body, withCookie);
                    compare(differences, method + " " + path + "?X-CSRF-Token", noToken, tokenInUrl, null);
                }
            }
        }
        return differences;
    }

    private static void compare(List<String> differences, String what, RawHttp.Response without, RawHttp.Response with,
            Victim victim) {
        // the victim's CSRF token in an answer to a request without its cookie: the URL opened its session
        if (without.status() != with.status() || (victim != null && with.body().contains(victim.csrf()))) {
            differences.add(what + ": " + with.status() + " instead of " + without.status() + " " + abbreviate(with.body()));
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 120 ? body.substring(0, 120) + "…" : body;
    }

    /**
     * The path of every jetty consumer of the running app, the REST DSL's included ({@code /} becomes a
     * page below it, a path parameter a plausible value).
     */
    static List<String> jettyPaths(CamelContext camel) {
        List<String> paths = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            if (route.getConsumer().getEndpoint() instanceof JettyHttpEndpoint jetty) {
                assertThat(jetty.getHeaderFilterStrategy()).as(route.getRouteId() + " needs headerFilterStrategy=#headerHygiene")
                        .isInstanceOf(HeaderHygiene.class);
                assertThat(jetty.getFilters()).as(route.getRouteId() + " needs filters=#requestLimits")
                        .anyMatch(filter -> filter instanceof RequestLimits);
                assertThat(jetty.isEnableMultipartFilter()).as(route.getRouteId() + " needs enableMultipartFilter=false").isFalse();
                String path = jetty.getHttpUri().getPath();
                paths.add(path.equals("/") || path.isEmpty() ? "/index.html" : path.replaceAll("\\{[^}]*}", "probe_0123"));
            }
        }
        return paths;
    }

    private static String query(String name, String value) {
        return "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static Victim myHomeSession() throws Exception {
        RawHttp.Response login = RawHttp.loopback(myHome.port).send("POST", "/login",
                "{\"token\":\"" + myHome.token() + "\"}", "Content-Type", "application/json");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new Victim(login.cookie().orElseThrow(), JSON.readTree(login.body()).get("csrfToken").asText());
    }

    private static Victim watttSession() throws Exception {
        RawHttp.Response session = RawHttp.loopback(provider.port).send("GET", "/api/session", null);
        assertThat(session.status()).isEqualTo(200);
        return new Victim(session.cookie().orElseThrow(), JSON.readTree(session.body()).get("csrfToken").asText());
    }
}
