package org.p1iota.app.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.p1iota.app.Launcher;
import org.p1iota.app.cli.Console;

/** The bench command is installed and checks its options; its figures come from running it. */
class PowBenchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void isInstalledAndDescribesItsMethod() {
        int code = Launcher.withInstalledCommands().run(List.of("bench", "pow", "--help"), console);
        assertThat(code).isEqualTo(Launcher.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--seconds", "--threads", "--runs", "3^10",
                "--add-modules jdk.incubator.vector");
    }

    @Test
    void rejectsNonPositiveOptionsAsUsageErrors() {
        int code = Launcher.withInstalledCommands().run(List.of("bench", "pow", "--seconds", "0"), console);
        assertThat(code).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seconds must be at least 1");
        err.reset();
        code = Launcher.withInstalledCommands().run(List.of("bench", "pow", "--runs", "many"), console);
        assertThat(code).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--runs needs a whole number");
    }
}
