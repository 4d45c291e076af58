package org.p1iota.app.web;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.RawHttp;
import org.p1iota.app.testing.RunningMyHome;
import org.p1iota.app.testing.RunningNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong household tokens from one client (source address 127.0.0.2) against the running My Home:
 * that client is slowed down, the household's own browser (127.0.0.1) still logs in at once.
 */
class LoginThrottleAttackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void wrongTokensFromOneClientDoNotLockOutTheHousehold() throws Exception {
        String deadNode = "http://127.0.0.1:" + RunningNode.freePort();
        try (RunningMyHome myHome = RunningMyHome.start(data, deadNode, 3, RunningNode.freePort(), Map.of())) {
            RawHttp attacker = RawHttp.from(myHome.port, "127.0.0.2");
            RawHttp household = RawHttp.from(myHome.port, "127.0.0.1");

            int throttled = 0;
            String retryAfter = null;
            for (int i = 0; i < 12; i++) {
                RawHttp.Response guess = login(attacker, "guess-" + i + "-abcdefghijklmnop");
                assertThat(guess.status()).as(guess.body()).isIn(401, 429);
                if (guess.status() == 429) {
                    throttled++;
                    retryAfter = guess.header("Retry-After").orElseThrow();
                    assertThat(JSON.readTree(guess.body()).get("error").asText()).isEqualTo("too_many_attempts");
                }
            }
            assertThat(throttled).as("the guessing client is slowed down").isPositive();
            assertThat(Long.parseLong(retryAfter)).isPositive();
            // while its delay runs, even the right token from the guessing client waits
            assertThat(login(attacker, myHome.token()).status()).isEqualTo(429);

            // the household's browser, another client, logs in and works with its session
            RawHttp.Response login = login(household, myHome.token());
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            String cookie = login.cookie().orElseThrow();
            String csrf = JSON.readTree(login.body()).get("csrfToken").asText();
            assertThat(household.send("GET", "/api/session", null, "Cookie", cookie).status()).isEqualTo(200);
            assertThat(household.send("GET", "/api/pairings/pr_unknown1", null, "Cookie", cookie).status()).isEqualTo(404);
            assertThat(household.send("POST", "/logout", "{}", "Content-Type", "application/json", "Cookie", cookie,
                    "X-CSRF-Token", csrf).status()).isEqualTo(200);
        }
    }

    @Test
    void wrongBearerTokensOnTheApiAreThrottledPerClientToo() throws Exception {
        String deadNode = "http://127.0.0.1:" + RunningNode.freePort();
        try (RunningMyHome myHome = RunningMyHome.start(data, deadNode, 3, RunningNode.freePort(), Map.of())) {
            RawHttp attacker = RawHttp.from(myHome.port, "127.0.0.4");
            RawHttp household = RawHttp.from(myHome.port, "127.0.0.1");
            int throttled = 0;
            for (int i = 0; i < 12; i++) {
                RawHttp.Response guess = attacker.send("GET", "/api/pairings/pr_unknown1", null,
                        "Authorization", "Bearer guess-" + i + "-abcdefghijklmnop");
                assertThat(guess.status()).as(guess.body()).isIn(401, 429);
                if (guess.status() == 429) {
                    throttled++;
                    assertThat(guess.header("Retry-After")).isPresent();
                }
            }
            assertThat(throttled).as("bearer guesses from one client are slowed down like logins").isPositive();
            // the household's script, another client, uses the API at once
            RawHttp.Response genuine = household.send("GET", "/api/pairings/pr_unknown1", null,
                    "Authorization", "Bearer " + myHome.token());
            assertThat(genuine.status()).as(genuine.body()).isEqualTo(404);
        }
    }

    private static RawHttp.Response login(RawHttp client, String token) throws Exception {
        return client.send("POST", "/login", "{\"token\":\"" + token + "\"}", "Content-Type", "application/json");
    }
}
