package org.p1iota.app.spool;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurableSpoolTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<SpoolRecord> records) {
        return records.stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void recordsComeOutInOrderUntilAcknowledgedAndSurviveReopening() throws Exception {
        try (DurableSpool spool = DurableSpool.open(dir)) {
            assertThat(spool.append(bytes("a"))).isEqualTo(1);
            assertThat(spool.append(bytes("b"))).isEqualTo(2);
            assertThat(spool.append(bytes("c"))).isEqualTo(3);
            assertThat(texts(spool.peek(2))).containsExactly("a", "b");
            spool.acknowledge(2);
            assertThat(texts(spool.peek(10))).containsExactly("c");
        }
        try (DurableSpool spool = DurableSpool.open(dir)) {
            assertThat(spool.pendingCount()).isEqualTo(1);
            assertThat(texts(spool.peek(10))).containsExactly("c");
            assertThat(spool.append(bytes("d"))).isEqualTo(4);
            spool.acknowledge(4);
            assertThat(spool.peek(10)).isEmpty();
        }
        try (DurableSpool spool = DurableSpool.open(dir)) {
            assertThat(spool.append(bytes("e"))).as("sequences are never reused").isEqualTo(5);
        }
    }

    @Test
    void fullyAcknowledgedSegmentsAreDeletedAndOrderHoldsAcrossSegments() throws Exception {
        try (DurableSpool spool = DurableSpool.open(dir, 100, 1 << 20, 1000)) {
            for (int i = 1; i <= 50; i++) {
                spool.append(bytes("telegram-" + i));
            }
            long segmentsBefore = Files.list(dir).filter(p -> p.toString().endsWith(".log")).count();
            assertThat(segmentsBefore).isGreaterThan(5);
            List<SpoolRecord> first = spool.peek(30);
            assertThat(first).extracting(SpoolRecord::sequence).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, 30).boxed().toList());
            spool.acknowledge(30);
            assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".log")).count()).isLessThan(segmentsBefore);
            assertThat(texts(spool.peek(100))).hasSize(20).first().isEqualTo("telegram-31");
        }
    }

    @Test
    void aTornLastRecordIsCutAndEverythingBeforeItKept() throws Exception {
        try (DurableSpool spool = DurableSpool.open(dir)) {
            spool.append(bytes("first"));
            spool.append(bytes("second"));
        }
        Path segment = Files.list(dir).filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
        byte[] content = Files.readAllBytes(segment);
        Files.write(segment, java.util.Arrays.copyOf(content, content.length - 3)); // a crash mid-append
        try (DurableSpool spool = DurableSpool.open(dir)) {
            assertThat(texts(spool.peek(10))).containsExactly("first");
            assertThat(spool.append(bytes("third"))).isEqualTo(2);
            assertThat(texts(spool.peek(10))).containsExactly("first", "third");
        }
    }

    @Test
    void damageBeforeTheEndIsReportedNotSkipped() throws Exception {
        try (DurableSpool spool = DurableSpool.open(dir)) {
            spool.append(bytes("first"));
            spool.append(bytes("second"));
        }
        Path segment = Files.list(dir).filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
        byte[] content = Files.readAllBytes(segment);
        content[Segment.HEADER_BYTES + 1] ^= 0x20;
        Files.write(segment, content);
        assertThatThrownBy(() -> DurableSpool.open(dir)).isInstanceOf(SpoolCorruptedException.class).hasMessageContaining("byte 0");
    }

    @Test
    void aFullSpoolRefusesWithAClearErrorAndLosesNothingAccepted() throws Exception {
        try (DurableSpool spool = DurableSpool.open(dir, 1000, 120, 100)) {
            spool.append(new byte[40]); // 56 bytes on disk with its header
            spool.append(new byte[40]);
            assertThatThrownBy(() -> spool.append(new byte[40])).isInstanceOf(SpoolFullException.class)
                    .hasMessageContaining("limit is 120");
            assertThat(spool.peek(10)).hasSize(2);
        }
    }

    @Test
    void acknowledgingBeyondTheLastRecordIsRefused() throws Exception {
        try (DurableSpool spool = DurableSpool.open(dir)) {
            spool.append(bytes("only"));
            assertThatThrownBy(() -> spool.acknowledge(2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A writer process is killed with SIGKILL while appending: every append it reported is on disk. */
    @Test
    void everyAppendReportedBeforeKillMinus9IsThere() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SpoolWriterProcess.class.getName(), dir.toString()).redirectErrorStream(true).start();
        List<Long> reported = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = out.readLine()) != null && reported.size() < 200) {
                reported.add(Long.parseLong(line.trim()));
            }
            writer.destroyForcibly(); // SIGKILL mid-stream
            assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        try (DurableSpool spool = DurableSpool.open(dir)) {
            List<SpoolRecord> records = spool.peek(Integer.MAX_VALUE);
            assertThat(records).extracting(SpoolRecord::sequence).containsAll(reported);
            for (int i = 0; i < records.size(); i++) {
                assertThat(records.get(i).sequence()).isEqualTo(i + 1);
                assertThat(new String(records.get(i).payload(), StandardCharsets.UTF_8)).isEqualTo("telegram " + (i + 1));
            }
        }
    }

    @Test
    void knowsHowLongItsOldestRecordWaitedAndTellsItAtEachAcknowledgement() throws Exception {
        long before = System.currentTimeMillis();
        List<Long> waited = new ArrayList<>();
        try (DurableSpool spool = DurableSpool.open(dir)) {
            spool.onAcknowledged(waited::add);
            assertThat(spool.oldestPendingSince()).isEqualTo(-1);
            long first = spool.append(bytes("telegram 1"));
            long second = spool.append(bytes("telegram 2"));
            long since = spool.oldestPendingSince();
            assertThat(since).isBetween(before, System.currentTimeMillis());
            spool.acknowledge(first);
            assertThat(waited).hasSize(1);
            assertThat(waited.get(0)).isBetween(0L, System.currentTimeMillis() - before);
            // the second came within the same second: it counts from the first's mark (never later than the truth)
            assertThat(spool.oldestPendingSince()).isBetween(before, System.currentTimeMillis());
            spool.acknowledge(second);
            assertThat(spool.oldestPendingSince()).isEqualTo(-1);
            spool.append(bytes("telegram 3"));
        }
        // after a restart the record's wait counts from its segment's last write, not from the new start
        long segmentWritten = Files.list(dir).filter(f -> f.getFileName().toString().endsWith(".log"))
                .mapToLong(f -> f.toFile().lastModified()).max().orElseThrow();
        Thread.sleep(20);
        try (DurableSpool spool = DurableSpool.open(dir)) {
            assertThat(spool.pendingCount()).isEqualTo(1);
            assertThat(spool.oldestPendingSince()).isEqualTo(segmentWritten);
        }
    }

    @Test
    void appendTimesStayBoundedAndNeverLaterThanTheTruth() {
        AppendTimes times = new AppendTimes();
        for (long sequence = 1; sequence <= 100_000; sequence++) {
            times.appended(sequence, sequence * 1000); // one a second for 28 hours without a node
        }
        // 4,096 marks over 100,000 s: 32 s apart, evenly over the whole backlog (its start is not thinned away)
        for (long sequence : new long[] {1, 2, 777, 50_001, 99_999, 100_000}) {
            assertThat(times.timeOf(sequence)).isLessThanOrEqualTo(sequence * 1000).isGreaterThan(sequence * 1000 - 64_000);
        }
        assertThat(times.timeOf(1)).isEqualTo(1000);
        times.acknowledged(60_000);
        assertThat(times.timeOf(60_000)).isLessThanOrEqualTo(60_000_000L).isGreaterThan(60_000_000L - 64_000);
    }
}
