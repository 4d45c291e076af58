package org.p1iota.app.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.p1iota.app.cli.Console;

class FailoverReportTest {

    private static final Instant KILL = Instant.parse("2026-12-07T22:00:40Z");

    @Test
    void countsWhatWasNeverStoredAndWhenTheKilledInstancesHouseholdsLagWasBackBelow30Seconds() {
        List<Feeder.Published> published = List.of(
                new Feeder.Published("other", 0, KILL.minusSeconds(30)),
                new Feeder.Published("victim", 0, KILL.minusSeconds(10)),
                new Feeder.Published("victim", 1, KILL.plusSeconds(5)),
                new Feeder.Published("other", 1, KILL.plusSeconds(1)));
        Map<String, Map<Long, Instant>> stored = new HashMap<>();
        stored.put("other", Map.of(0L, KILL.minusSeconds(28)));  // lag 2 s, before the kill; sequence 1 never stored
        stored.put("victim", Map.of(0L, KILL.plusSeconds(20),    // in flight at the kill: lag 30 s
                1L, KILL.plusSeconds(25)));                       // lag 20 s
        FailoverBench.Kill kill = new FailoverBench.Kill(KILL, 40, "bench-0", 137, Set.of(1), Map.of(0, "bench-1", 1, "bench-0"), 6.5, 20);

        String report = print(published, stored, kill);

        assertThat(report).contains("lost 1 (published, not stored", "readings stored 3;")
                .contains("storage attempts 4 = rows + 1")
                .contains("before the SIGKILL (messages stored before it): lag median 2.00 s")
                .contains("their lag was back below 30 s 20.0 s after the kill")
                .contains("1 messages in flight at the kill (published before, stored after), all stored 20.0 s after the kill")
                .contains("the killed instance's households lag median 20.00 s");
    }

    @Test
    void saysSoWhenTheLagNeverReached30Seconds() {
        List<Feeder.Published> published = List.of(new Feeder.Published("victim", 0, KILL.plusSeconds(1)));
        Map<String, Map<Long, Instant>> stored = Map.of("victim", Map.of(0L, KILL.plusSeconds(12)));
        FailoverBench.Kill kill = new FailoverBench.Kill(KILL, 40, "bench-0", 137, Set.of(0), Map.of(0, "bench-0"), 6.5, 20);

        assertThat(print(published, stored, kill)).contains("their lag stayed below 30 s; max lag after the kill 11.0 s", "lost 0");
    }

    private static String print(List<Feeder.Published> published, Map<String, Map<Long, Instant>> stored, FailoverBench.Kill kill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        long rows = stored.values().stream().mapToLong(Map::size).sum();
        new FailoverReport(console, 1).print(published, stored, new ReadingInsertAttempts.Count(rows + 1, rows, 0), kill,
                Set.of("victim"), 120, 600, Map.of("findTransactions", 600L));
        return out.toString(StandardCharsets.UTF_8);
    }
}
