package org.p1iota.app.tools.p1;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.p1iota.app.Launcher;
import org.p1iota.app.cli.Console;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench p1} runs through the launcher and reports a median; figures belong to the tool, not here. */
class P1BenchCommandTest {

    @Test
    void reportsRoundsAndAMedian() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = Launcher.withInstalledCommands().run(List.of("bench", "p1", "--rounds", "1", "--seconds", "1", "--warmup", "0"),
                console);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("round 1:").contains("median:").contains("telegrams/s");
    }

    @Test
    void badNumbersAreUsageErrors() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
        Console console = new Console(new ByteArrayInputStream(new byte[0]), print, print);
        assertThat(Launcher.withInstalledCommands().run(List.of("bench", "p1", "--rounds", "x"), console)).isEqualTo(2);
        assertThat(Launcher.withInstalledCommands().run(List.of("bench", "p1", "--rounds", "0"), console)).isEqualTo(2);
    }
}
