package org.p1iota.app.tools.p1;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.p1iota.app.Launcher;
import org.p1iota.app.cli.Console;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code p1 parse} run in-process through the launcher, with byte buffers for the console. */
class P1ParseCommandTest {

    private static final Path SHARED = shared();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(byte[] stdin, String... words) {
        Console console = new Console(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return Launcher.withInstalledCommands().run(List.of(words), console);
    }

    private int run(String... words) {
        return run(new byte[0], words);
    }

    private List<String> stdout() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Standard error without the closing summary and hint (see {@link #endsWithASummaryAndSuggestsLenientWhenCrcsFail}). */
    private List<String> stderr() {
        return err.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("summary: ") && !line.startsWith("hint: ")).toList();
    }

    private List<String> summary() {
        return err.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("summary: ") || line.startsWith("hint: ")).toList();
    }

    @Test
    void printsOneJsonObjectPerTelegramOfTheCapture() throws Exception {
        Path capture = SHARED.resolve("corpus/dsmr/streams/basjes-ttyusb0-raw.crlf.txt");
        assertThat(run("p1", "parse", capture.toString())).isZero();
        assertThat(stdout()).hasSize(566);
        assertThat(stderr()).isEmpty();
        JsonNode first = new ObjectMapper().readTree(stdout().get(0));
        assertThat(first.get("timestamp").asText()).isEqualTo("2019-03-24T15:05:19+01:00");
        assertThat(first.get("crc").asText()).isEqualTo("valid");
        assertThat(first.get("energyImportTariff1").isNumber()).isTrue();
        assertThat(first.get("obis").isObject()).isTrue();
    }

    @Test
    void rejectedFramesGoToStderrWithReasonAndOffset() {
        byte[] good = bytes("corpus/dsmr/ndokter-telegram-v5.telegram");
        byte[] bad = bytes("corpus/dsmr-bad/bad-crc-digit.bin");
        byte[] input = new byte[good.length + bad.length + good.length];
        System.arraycopy(good, 0, input, 0, good.length);
        System.arraycopy(bad, 0, input, good.length, bad.length);
        System.arraycopy(good, 0, input, good.length + bad.length, good.length);

        assertThat(run(input, "p1", "parse", "-")).isZero();
        assertThat(stdout()).hasSize(2);
        assertThat(stderr()).singleElement().satisfies(line -> assertThat(line)
                .contains("CRC_MISMATCH").contains("at byte " + good.length).contains("9DF1"));
    }

    @Test
    void endsWithASummaryAndSuggestsLenientWhenCrcsFail() {
        byte[] good = bytes("corpus/dsmr/ndokter-telegram-v5.telegram");
        byte[] bad = bytes("corpus/dsmr-bad/bad-crc-digit.bin");
        byte[] input = new byte[good.length + bad.length + good.length + 20];
        System.arraycopy(good, 0, input, 0, good.length);
        System.arraycopy(bad, 0, input, good.length, bad.length);
        System.arraycopy(good, 0, input, good.length + bad.length, good.length);
        System.arraycopy(good, 0, input, good.length * 2 + bad.length, 20); // cut off by the end of input

        assertThat(run(input, "p1", "parse", "-")).isZero();
        assertThat(summary()).containsExactly(
                "summary: 2 telegrams, 2 rejected frames (CRC_MISMATCH 1, INCOMPLETE 1)",
                "hint: frames failed their CRC check; --lenient parses them anyway (marked \"crc\":\"invalid\")");
        List<String> all = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(all.subList(all.size() - 2, all.size())).isEqualTo(summary()); // at the end, after the rejections

        out.reset();
        err.reset();
        assertThat(run(input, "p1", "parse", "--lenient", "-")).isZero();
        assertThat(summary()).containsExactly("summary: 3 telegrams, 1 rejected frame (INCOMPLETE 1)");
    }

    @Test
    void lenientParsesCrcFailuresAndMarksThem() throws Exception {
        Path file = SHARED.resolve("corpus/dsmr-bad/bad-crc-digit.bin");
        assertThat(run("p1", "parse", "--lenient", file.toString())).isZero();
        assertThat(stdout()).hasSize(1);
        assertThat(new ObjectMapper().readTree(stdout().get(0)).get("crc").asText()).isEqualTo("invalid");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void decryptsWithKeyAndAad() throws Exception {
        JsonNode sample = new ObjectMapper().readTree(SHARED.resolve("corpus/dsmr/manifest.json").toFile())
                .get("encrypted_samples").get(1);
        Path frame = SHARED.resolve("corpus/dsmr").resolve(sample.get("frame_file").asText());
        assertThat(run("p1", "parse", "--lenient", "--key", sample.get("key_hex").asText(), "--aad",
                sample.get("aad_hex").asText(), frame.toString())).isZero();
        assertThat(stdout()).hasSize(1);
        assertThat(new ObjectMapper().readTree(stdout().get(0)).get("p1Version").asText()).isEqualTo("42");
    }

    @Test
    void anUnreadableInputExitsOne() {
        assertThat(run("p1", "parse", "/nonexistent/capture.txt")).isEqualTo(1);
        assertThat(stderr()).singleElement().satisfies(line -> assertThat(line).contains("/nonexistent/capture.txt"));
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("p1", "parse")).isEqualTo(2);
        assertThat(run("p1", "parse", "--aad", "00", "-")).isEqualTo(2);
        assertThat(run("p1", "parse", "--key", "xyz", "-")).isEqualTo(2);
        assertThat(run("p1", "parse", "--bogus", "-")).isEqualTo(2);
        assertThat(run("p1", "parse", "a", "b")).isEqualTo(2);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aDsmr5TelegramWithGasPrintsItsVersionCrcAndGas() {
        Path file = writeTemp(SampleTelegram.dsmr5());
        assertThat(run("p1", "parse", file.toString())).isZero();
        assertThat(stdout()).singleElement().satisfies(line -> assertThat(line).contains("\"crc\":\"valid\"")
                .contains("\"p1Version\":\"50\"").contains("\"gas\":{\"channel\":1"));
    }

    private static Path writeTemp(byte[] content) {
        try {
            Path file = Files.createTempFile("p1-sample", ".telegram");
            file.toFile().deleteOnExit();
            return Files.write(file, content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String path) {
        try {
            return Files.readAllBytes(SHARED.resolve(path));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path shared() {
        String property = System.getProperty("p1iota.shared");
        if (property != null && Files.isDirectory(Path.of(property, "corpus"))) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("../shared/corpus"))) {
                return dir.resolve("../shared").normalize();
            }
        }
        throw new IllegalStateException("shared/ corpus not found: set -Dp1iota.shared");
    }
}
