package org.p1iota.camel.p1.parse;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.p1iota.camel.p1.frame.Crc16Arc;
import org.p1iota.camel.p1.model.Telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A parser reuses the {@link LocalDate} of recent timestamps ({@link MeterDates}); the timestamps it
 * gives must be exactly those read without that reuse, across midnight, month and year ends, both DST
 * changes, and impossible dates read after possible ones that share a slot.
 */
class MeterDatesTest {

    /** What a meter sends around midnight, New Year, the two DST changes and a leap day, in stream order. */
    private static final List<String> STREAM = List.of(
            "231231235958W", "231231235959W", "240101000000W", "240101000001W", // New Year at midnight
            "240228235959W", "240229000000W", "240301000000W", // leap day and month end
            "240331015959W", "240331030000S", "240331030001S", // spring forward
            "241027025959S", "241027020000W", "241027030000W", // fall back: 02:xx twice
            "240331023000", "241027023000", "241027013000", "240101120000", // no flag: offset from the zone rules
            "230501120000S", "240102080000W", "240917143215S", "230501120000S", "240917143004S");

    @Test
    void timestampsAreThoseReadWithoutReuse() throws FieldProblem {
        MeterDates dates = new MeterDates();
        for (int round = 0; round < 2; round++) {
            for (String text : STREAM) {
                byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
                OffsetDateTime cached = ValueReader.timestamp(bytes, 0, bytes.length, dates);
                assertThat(cached).as(text).isEqualTo(ValueReader.timestamp(bytes, 0, bytes.length));
                assertThat(cached.toLocalDate()).as(text).isEqualTo(LocalDate.of(2000 + Integer.parseInt(text.substring(0, 2)),
                        Integer.parseInt(text.substring(2, 4)), Integer.parseInt(text.substring(4, 6))));
            }
        }
    }

    @Test
    void theSpringForwardAndFallBackOffsetsComeFromTheFlagOrTheZone() throws FieldProblem {
        MeterDates dates = new MeterDates();
        assertThat(timestamp("240331015959W", dates)).isEqualTo(OffsetDateTime.parse("2024-03-31T01:59:59+01:00"));
        assertThat(timestamp("240331030000S", dates)).isEqualTo(OffsetDateTime.parse("2024-03-31T03:00:00+02:00"));
        assertThat(timestamp("241027025959S", dates)).isEqualTo(OffsetDateTime.parse("2024-10-27T02:59:59+02:00"));
        assertThat(timestamp("241027020000W", dates)).isEqualTo(OffsetDateTime.parse("2024-10-27T02:00:00+01:00"));
        // without a flag the ambiguous hour takes the earlier (summer) offset, the gap moves forward
        assertThat(timestamp("241027023000", dates)).isEqualTo(OffsetDateTime.parse("2024-10-27T02:30:00+02:00"));
        assertThat(timestamp("240331023000", dates)).isEqualTo(OffsetDateTime.parse("2024-03-31T03:30:00+02:00"));
    }

    @Test
    void aDateIsBuiltOnceWhileItRepeats() throws FieldProblem {
        MeterDates dates = new MeterDates();
        OffsetDateTime first = timestamp("240917143215S", dates);
        timestamp("230501120000S", dates);
        timestamp("240102080000W", dates);
        OffsetDateTime later = timestamp("240917143004S", dates);
        assertThat(later.toLocalDate()).isSameAs(first.toLocalDate());
        OffsetDateTime nextDay = timestamp("240918000000S", dates);
        assertThat(nextDay.toLocalDate()).isEqualTo(LocalDate.of(2024, 9, 18)).isNotSameAs(first.toLocalDate());
    }

    @Test
    void impossibleDatesStayProblemsAfterPossibleOnes() throws FieldProblem {
        MeterDates dates = new MeterDates();
        timestamp("240229120000W", dates);
        timestamp("230228120000W", dates);
        for (String impossible : new String[] {"230229120000W", "240230120000W", "241301120000W", "240100120000W", "240229240000W",
                "240229126000W"}) {
            assertThatThrownBy(() -> timestamp(impossible, dates)).as(impossible).isInstanceOf(FieldProblem.class)
                    .hasMessage("impossible date or time");
        }
        assertThat(timestamp("240229120000W", dates)).isEqualTo(OffsetDateTime.parse("2024-02-29T12:00:00+01:00"));
    }

    @Test
    void oneDecoderReadsTelegramsAcrossMidnightAndTheDstChanges() {
        Decoded decoded = new Decoded();
        TelegramDecoder decoder = new TelegramDecoder(decoded, false);
        String[][] times = {
                {"231231235950W", "231231235900W"},
                {"240101000000W", "231231235900W"},
                {"240331015959W", "240331015500W"},
                {"240331030000S", "240331030000S"},
                {"241027025959S", "241027025500S"},
                {"241027020000W", "241027020000W"}};
        for (String[] time : times) {
            decoder.feed(telegram(time[0], time[1]));
        }
        assertThat(decoded.rejected).isEmpty();
        assertThat(decoded.telegrams).hasSize(times.length);
        for (int i = 0; i < times.length; i++) {
            Telegram t = decoded.telegrams.get(i);
            assertThat(t.timestamp()).as(times[i][0]).isEqualTo(CorpusTelegramTest.timestamp(times[i][0]));
            assertThat(t.gas().timestamp()).as(times[i][1]).isEqualTo(CorpusTelegramTest.timestamp(times[i][1]));
            assertThat(t.powerFailureLog()).extracting(f -> f.end())
                    .containsExactly(OffsetDateTime.parse("2023-05-01T12:00:00+02:00"), OffsetDateTime.parse("2024-01-02T08:00:00+01:00"));
        }
    }

    private static OffsetDateTime timestamp(String text, MeterDates dates) throws FieldProblem {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return ValueReader.timestamp(bytes, 0, bytes.length, dates);
    }

    private static byte[] telegram(String time, String gasTime) {
        String body = String.join("\r\n", "/ISK5\\2M550T-1012", "", "1-3:0.2.8(50)", "0-0:1.0.0(" + time + ")",
                "1-0:99.97.0(2)(0-0:96.7.19)(230501120000S)(0000000300*s)(240102080000W)(0000004000*s)",
                "0-1:24.1.0(003)", "0-1:24.2.1(" + gasTime + ")(04567.891*m3)", "!");
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return (body + String.format("%04X", Crc16Arc.of(bytes, 0, bytes.length)) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
