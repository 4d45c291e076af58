package org.p1iota.app.tools.mam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.p1iota.app.Launcher;
import org.p1iota.app.cli.Console;

/** {@code mam create}, {@code mam parse} and {@code bench mam} through the launcher, on the shared vectors. */
class MamToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out, String err) {
        List<JsonNode> lines() throws IOException {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        }
    }

    private static Run run(String stdin, String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = Launcher.withInstalledCommands().run(List.of(words), console);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode vectorCase(String id) throws IOException {
        String property = System.getProperty("p1iota.shared");
        Path shared = property != null ? Paths.get(property) : null;
        for (Path dir = Paths.get("").toAbsolutePath(); shared == null || !Files.isDirectory(shared); dir = dir.getParent()) {
            shared = dir.resolve("../shared").normalize();
        }
        for (JsonNode c : JSON.readTree(shared.resolve("vectors/mam/vectors-public.json").toFile()).get("cases")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no vector case " + id);
    }

    @Test
    void createPrintsTheMamJsPayloadsOfAChannel() throws IOException {
        JsonNode c = vectorCase("pub-restricted-BANANA-sec2");
        StringBuilder stdin = new StringBuilder();
        c.get("messages").forEach(m -> stdin.append(m.get("message").asText()).append('\n'));
        Run run = run(stdin.toString(), "mam", "create", "--seed", c.get("seed").asText(), "--mode", "restricted",
                "--side-key", "BANANA", "--security", "2");
        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(c.get("messages").size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode expected = c.get("messages").get(i);
            for (String field : List.of("root", "address", "nextRoot", "payload")) {
                assertThat(lines.get(i).get(field).asText()).as(i + " " + field).isEqualTo(expected.get(field).asText());
            }
        }
    }

    @Test
    void createStartsAtAGivenPositionOfATree() throws IOException {
        JsonNode c = vectorCase("pub-public-merkle4-sec1");
        JsonNode m = c.get("messages").get(1);
        Run run = run(m.get("message").asText() + "\n", "mam", "create", "--seed", c.get("seed").asText(), "--mode", "public",
                "--security", "1", "--count", "4", "--index", "1");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lines().get(0).get("payload").asText()).isEqualTo(m.get("payload").asText());
    }

    @Test
    void parseFollowsAChannelAndReadsBothReferences() throws IOException {
        JsonNode c = vectorCase("pub-private-sec2-chain5");
        StringBuilder stdin = new StringBuilder();
        JsonNode messages = c.get("messages");
        for (int i = 0; i < messages.size(); i++) {
            stdin.append(messages.get(i).get(i % 2 == 0 ? "payload" : "payloadMamClient").asText()).append("\n\n");
        }
        Run run = run(stdin.toString(), "mam", "parse", "--root", c.get("channelRoot").asText());
        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(messages.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).get("message").asText()).isEqualTo(messages.get(i).get("message").asText());
            assertThat(lines.get(i).get("nextRoot").asText()).isEqualTo(messages.get(i).get("nextRoot").asText());
        }
    }

    @Test
    void anInvalidPayloadExitsOneWithOneLineOnStderr() throws IOException {
        JsonNode m = vectorCase("pub-restricted-BANANA-sec1").get("messages").get(0);
        Run wrongKey = run(m.get("payload").asText() + "\n", "mam", "parse", "--root", m.get("root").asText(), "--side-key", "APPLE");
        assertThat(wrongKey.exit()).isEqualTo(1);
        assertThat(wrongKey.out()).isEmpty();
        assertThat(wrongKey.err().strip().lines()).hasSize(1);
        assertThat(wrongKey.err()).contains("invalid hash security");

        Run garbage = run("hello world\n", "mam", "parse", "--root", m.get("root").asText(), "--side-key", "BANANA");
        assertThat(garbage.exit()).isEqualTo(1);
        assertThat(garbage.err().strip().lines()).hasSize(1);
    }

    @Test
    void badOptionsAreUsageErrors() {
        String seed = "A".repeat(81);
        assertThat(run("", "mam", "create", "--seed", seed, "--mode", "public", "--count", "3").exit()).isEqualTo(2);
        assertThat(run("", "mam", "create", "--seed", seed, "--mode", "public", "--count", "2", "--next-count", "1").exit()).isEqualTo(2);
        assertThat(run("", "mam", "create", "--seed", "SHORT", "--mode", "public").exit()).isEqualTo(2);
        assertThat(run("", "mam", "create", "--seed", seed, "--mode", "secret").exit()).isEqualTo(2);
        assertThat(run("", "mam", "parse", "--root", "SHORT").exit()).isEqualTo(2);
        Run tooLong = run("A".repeat(88_574) + "\n", "mam", "create", "--seed", seed, "--mode", "public");
        assertThat(tooLong.exit()).isEqualTo(1);
        assertThat(tooLong.err()).contains("88573");
    }

    @Test
    void benchPrintsMedians() {
        Run run = run("", "bench", "mam", "--runs", "3", "--warmup", "1", "--message-trytes", "100");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("create, in memory").contains("create + confirm, durable").contains("parse").contains("median");
    }

    @Test
    void parseWithoutAnyPayloadExitsOneAndSaysSo() throws IOException {
        String root = vectorCase("pub-restricted-BANANA-sec2").get("messages").get(0).get("root").asText();
        Run empty = run("\n  \n", "mam", "parse", "--root", root, "--side-key", "BANANA");
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.out()).isEmpty();
        assertThat(empty.err()).contains("no payload on standard input");
    }
}
