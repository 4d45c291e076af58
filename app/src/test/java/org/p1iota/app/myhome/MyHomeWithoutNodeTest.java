package org.p1iota.app.myhome;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.Launcher;
import org.p1iota.app.cli.Console;
import org.p1iota.app.testing.RunningMyHome;
import org.p1iota.app.testing.RunningNode;

import static org.assertj.core.api.Assertions.assertThat;

/** My Home started while its node is down, and its command line: no tangle needed. */
class MyHomeWithoutNodeTest {

    @TempDir
    Path data;

    @Test
    void withTheNodeDownTheHouseholdCanLogInAndTheApisSayTheNodeIsUnreachable() throws Exception {
        String deadNode = "http://127.0.0.1:" + RunningNode.freePort();
        try (RunningMyHome myHome = RunningMyHome.start(data, deadNode, 9, RunningNode.freePort(),
                Map.of())) {
            MyHomeClient browser = new MyHomeClient(myHome.baseUrl());
            assertThat(browser.login(myHome.token()).status()).isEqualTo(200);

            MyHomeClient.Answer devices = browser.get("/api/devices");
            assertThat(devices.status()).isEqualTo(502);
            assertThat(devices.error()).isEqualTo("node_unreachable");
            assertThat(devices.json().path("message").asText()).contains("cannot reach its IOTA node");
            assertThat(browser.get("/api/pairings/pr_unknown1").status()).isEqualTo(404);

            MyHomeClient.Answer logout = browser.post("/logout", Map.of());
            assertThat(logout.status()).isEqualTo(200);
            assertThat(browser.get("/api/devices").status()).isEqualTo(401);

            // ./p1-iota keys --role myhome shows the inbox of the same secrets
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = Launcher.withInstalledCommands().run(List.of("keys", "--role", "myhome", "--data", data.toString()), console(out));
            assertThat(exit).isZero();
            assertThat(out.toString()).contains(myHome.identity().inbox()).doesNotContain(myHome.token());
        }
    }

    @Test
    void theMyHomeCommandIsInstalledAndRefusesUnknownOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Launcher.withInstalledCommands().run(List.of("myhome", "--no-such-option", "x"), console(out));
        assertThat(exit).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(out.toString()).contains("no-such-option");
    }

    private static Console console(ByteArrayOutputStream out) {
        PrintStream print = new PrintStream(out, true);
        return new Console(InputStream.nullInputStream(), print, print);
    }
}
