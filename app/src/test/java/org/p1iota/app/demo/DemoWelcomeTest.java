package org.p1iota.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.secrets.SecretStore;

/**
 * Issue 16: the demo's second start printed the first start's steps again, and the steps did not say
 * that pairing needs a Name.
 */
class DemoWelcomeTest {

    @TempDir
    Path data;

    @Test
    void firstStartShowsTheStepsWithTheNameASecondStartDoesNot() throws Exception {
        DemoSettings settings = new DemoSettings(data, 14265, 8080, 8081, 0, 9, Duration.ofSeconds(1), "127.0.0.1");
        assertThat(Demo.firstStart(settings)).isTrue();
        String first = welcome(settings, Demo.firstStart(settings));
        assertThat(first).contains("What to click").contains("Name (required)").contains("pairing code");

        SecretStore.open(settings.roleDirectory("myhome"), new SecureRandom()).seed(); // the first run created it
        assertThat(Demo.firstStart(settings)).isFalse();
        String second = welcome(settings, Demo.firstStart(settings));
        assertThat(second).doesNotContain("What to click").contains("Started again with the data of the last run")
                .contains("token").contains("pairing code");
    }

    private static String welcome(DemoSettings settings, boolean firstStart) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Demo(settings, Optional.empty(), new PrintStream(bytes, true, StandardCharsets.UTF_8)).printWelcome(firstStart);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
