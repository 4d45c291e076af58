package org.p1iota.app.tools.p1;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("a DSMR 5 meter, 300 successive telegrams with CRC")
                .contains("round 1:").contains("median:").contains("telegrams/s");
    }

    @Test
    void repeatsOneTelegramAndSaysItIsAnUpperBound(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("one.telegram"), SampleTelegram.dsmr5());

        Run run = bench("--telegram", file.toString(), "--rounds", "1", "--seconds", "1", "--warmup", "0");

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).contains("one " + SampleTelegram.dsmr5().length + "-byte telegram fed again and again (an upper bound")
                .contains("median:");
        Path two = dir.resolve("two.telegram");
        Files.write(two, (new String(SampleTelegram.dsmr5(), StandardCharsets.ISO_8859_1).repeat(2)).getBytes(StandardCharsets.ISO_8859_1));
        Run twice = bench("--telegram", two.toString(), "--rounds", "1", "--seconds", "1", "--warmup", "0");
        assertThat(twice.exit).isEqualTo(1);
        assertThat(twice.err).contains("exactly one valid telegram");
    }

    @Test
    void replaysACaptureAsAStreamAndCountsItsTelegrams(@TempDir Path dir) throws Exception {
        byte[] telegram = SampleTelegram.dsmr5();
        ByteArrayOutputStream capture = new ByteArrayOutputStream();
        capture.write("1-0:2.7.0(00.000*kW)\r\n!1234\r\n".getBytes(StandardCharsets.US_ASCII)); // the tail of a telegram
        capture.write(telegram);
        capture.write(telegram);
        capture.write("/XMX5 cut off".getBytes(StandardCharsets.US_ASCII)); // a telegram the stream ended in
        Path file = dir.resolve("capture.txt");
        Files.write(file, capture.toByteArray());

        Run run = bench("--capture", file.toString(), "--rounds", "1", "--seconds", "1", "--warmup", "0");

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).contains("2 telegrams and 1 rejected frames per pass").contains("round 1:").contains("median:");
    }

    @Test
    void aCaptureWithoutTelegramsFailsAndTwoInputsAreAUsageError(@TempDir Path dir) throws Exception {
        Path noise = dir.resolve("noise.txt");
        Files.writeString(noise, "no telegram here\r\n");

        Run run = bench("--capture", noise.toString(), "--rounds", "1", "--seconds", "1", "--warmup", "0");
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("no valid telegram");
        assertThat(bench("--capture", dir.resolve("missing").toString()).exit).isEqualTo(1);
        assertThat(bench("--capture", noise.toString(), "--telegram", noise.toString()).exit).isEqualTo(2);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run bench(String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> args = new java.util.ArrayList<>(List.of("bench", "p1"));
        args.addAll(List.of(options));
        int exit = Launcher.withInstalledCommands().run(args, console);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
