package org.p1iota.app.provider;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The H2 tables: households and their states, readings stored once per sequence, time ranges, days, reopening. */
class ProviderDatabaseTest {

    private static final String INBOX = "A".repeat(81);
    private static final String DEVICE = "B".repeat(81);

    @TempDir
    Path data;

    private static StoredReading reading(long sequence, String time, String importT1, String gas) {
        return new StoredReading("req_household1", sequence, Instant.parse(time), new BigDecimal(importT1), BigDecimal.ONE,
                BigDecimal.ZERO, null, 250, 0, new BigDecimal(gas), null, "/raw " + sequence);
    }

    @Test
    void readingsAreStoredOncePerSequenceAndSurviveReopening() throws Exception {
        Path directory = data.resolve("provider-db");
        try (ProviderDatabase database = ProviderDatabase.open(directory)) {
            HouseholdStore households = new HouseholdStore(database);
            ReadingStore readings = new ReadingStore(database);
            assertThat(households.nextKeyIndex()).isEqualTo(1);
            households.insert(new Household("req_household1", 1, INBOX, "goal", Instant.parse("2026-11-24T00:00:00Z"),
                    HouseholdState.WAITING_FOR_KEYS, null, null, null));
            assertThat(households.nextKeyIndex()).isEqualTo(2);
            assertThat(households.revoke("req_household1")).as("only a receiving household can be revoked").isFalse();
            assertThat(households.startReceiving("req_household1", "pol_00000001", DEVICE)).isTrue();
            assertThat(households.startReceiving("req_household1", "pol_00000001", DEVICE)).isFalse();

            List<StoredReading> batch = List.of(
                    reading(1, "2026-11-24T10:00:00Z", "100.000", "50.000"),
                    reading(2, "2026-11-24T22:30:00Z", "104.500", "52.000"), // 23:30 in Amsterdam: still the 24th
                    reading(3, "2026-11-24T23:30:00Z", "105.000", "52.500")); // 00:30 on the 25th
            assertThat(readings.store(batch)).hasSize(3);
            assertThat(readings.store(List.of(batch.get(2), reading(4, "2026-11-25T08:00:00Z", "107.000", "53.000"))))
                    .extracting(StoredReading::sequence).containsExactly(4L);
            assertThat(readings.count("req_household1")).isEqualTo(4);

            assertThat(readings.between("req_household1", Instant.parse("2026-11-24T22:30:00Z"), Instant.parse("2026-11-25T08:00:00Z"), 100))
                    .extracting(StoredReading::sequence).containsExactly(2L, 3L);
            assertThat(readings.between("req_household1", null, null, 2)).extracting(StoredReading::sequence).containsExactly(1L, 2L);

            List<ReadingStore.Day> days = readings.daily("req_household1", Instant.parse("2026-11-23T23:00:00Z"), ZoneId.of("Europe/Amsterdam"));
            assertThat(days).extracting(ReadingStore.Day::date).containsExactly(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-25"));
            assertThat(days.get(0).energyImportKwh()).isEqualByComparingTo("4.5");
            assertThat(days.get(0).gasM3()).isEqualByComparingTo("2");
            assertThat(days.get(1).energyImportKwh()).isEqualByComparingTo("2");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");

        try (ProviderDatabase database = ProviderDatabase.open(directory)) {
            Household household = new HouseholdStore(database).find("req_household1").orElseThrow();
            assertThat(household.state()).isEqualTo(HouseholdState.RECEIVING);
            assertThat(household.policyId()).isEqualTo("pol_00000001");
            assertThat(household.lastReadingAt()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
            assertThat(new ReadingStore(database).between("req_household1", null, null, 10).get(0).raw()).isEqualTo("/raw 1");
        }
    }
}
