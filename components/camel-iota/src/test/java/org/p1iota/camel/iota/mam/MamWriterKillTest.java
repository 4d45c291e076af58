package org.p1iota.iota.mam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer process killed with SIGKILL mid-stream: after restart no key index signs a second, different payload. */
class MamWriterKillTest {

    @TempDir
    Path dir;

    @Test
    void everyReportedPayloadIsConfirmedOrStillPendingIdentically() throws Exception {
        Path file = dir.resolve("channel.json");
        Map<Long, String> reported = new HashMap<>();
        for (int life = 0; life < 3; life++) {
            runAndKill(file, 4 + 3 * life, reported);
            try (MamWriter writer = MamWriter.open(file, null)) {
                long next = writer.state().keyIndex();
                for (Map.Entry<Long, String> e : reported.entrySet()) {
                    if (e.getKey() >= next) {
                        // reported but not confirmed: it must be the pending one, bit for bit
                        assertThat(e.getKey()).isEqualTo(next);
                        assertThat(writer.pending()).isPresent();
                        assertThat(writer.pending().get().payload()).isEqualTo(e.getValue());
                        assertThat(writer.create(MamWriterProcess.message(next)).payload()).isEqualTo(e.getValue());
                    }
                }
                writer.pending().ifPresent(p -> reported.put(p.keyIndex(), p.payload()));
            }
        }
        // a restarted child reports its pending payload again first, so lives may overlap by one
        assertThat(reported.size()).isGreaterThanOrEqualTo(4 + 7 + 10 - 2);
    }

    /** Runs the child until it reported {@code creations} new payloads, then kills it with SIGKILL. */
    private static void runAndKill(Path file, int creations, Map<Long, String> reported) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                MamWriterProcess.class.getName(), file.toString()).redirectErrorStream(true).start();
        int seen = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while (seen < creations && (line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                assertThat(parts[0]).as(line).isEqualTo("CREATED");
                long keyIndex = Long.parseLong(parts[1]);
                String earlier = reported.putIfAbsent(keyIndex, parts[2]);
                assertThat(earlier == null || earlier.equals(parts[2])).as("key index " + keyIndex + " signed twice").isTrue();
                seen++;
            }
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).isEqualTo(creations);
        assertThat(Files.exists(file)).isTrue();
    }
}
