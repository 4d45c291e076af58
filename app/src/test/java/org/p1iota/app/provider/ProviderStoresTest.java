package org.p1iota.app.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.p1iota.app.consent.secrets.Seed;

/**
 * The provider's stores with the same assertions on the embedded H2 file and on a real PostgreSQL
 * server: the consent request lifecycle in {@link HouseholdStore} (also two instances creating requests
 * at once), consent ends, and the reading queries the web API answers with (between, days in
 * Europe/Amsterdam over a daylight saving change and in a fixed-offset zone, clock hours).
 */
class ProviderStoresTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant MORNING = Instant.parse("2026-11-24T08:00:00Z");

    @TempDir
    Path data;

    private static ConsentRequests requests(HouseholdStore households, Seed seed, Instant now) {
        return new ConsentRequests(seed, households, new ProviderProfile("Wattt", "insights", "http://127.0.0.1:1",
                "http://127.0.0.1:2", AMSTERDAM), new SecureRandom(), Clock.fixed(now, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderDatabase.Dialect.class)
    void consentRequestsGoThroughTheirStates(ProviderDatabase.Dialect dialect) throws Exception {
        try (FreshDatabase fresh = FreshDatabase.open(dialect, data)) {
            HouseholdStore households = new HouseholdStore(fresh.database);
            Seed seed = Seed.generate(new SecureRandom());
            assertThat(households.nextKeyIndex()).isEqualTo(1);
            String old = requests(households, seed, MORNING.minusSeconds(7200)).create(Optional.empty()).id();
            String granted = requests(households, seed, MORNING).create(Optional.empty()).id();
            String refused = requests(households, seed, MORNING.plusSeconds(60)).create(Optional.empty()).id();
            assertThat(households.all()).extracting(Household::id).as("the most recent first").containsExactly(refused, granted, old);
            assertThat(households.all()).extracting(Household::keyIndex).containsExactly(3, 2, 1);
            Household first = households.find(old).orElseThrow();
            assertThat(first.requestedAt()).isEqualTo(MORNING.minusSeconds(7200));
            assertThat(first.grantSecret()).hasSize(43);
            assertThat(households.countInState(HouseholdState.WAITING_FOR_KEYS)).isEqualTo(3);

            assertThat(households.rejectedKeyDelivery(refused)).isTrue();
            assertThat(households.rejectedKeyDelivery(refused)).isTrue();
            assertThat(households.startReceiving(granted, "pol_00000001", "D".repeat(81))).isTrue();
            assertThat(households.startReceiving(granted, "pol_00000002", "E".repeat(81))).as("only once").isFalse();
            assertThat(households.rejectedKeyDelivery(granted)).as("not while receiving").isFalse();
            assertThat(households.expireWaitingSince(MORNING.minusSeconds(3600))).containsExactly(old);
            assertThat(households.inState(HouseholdState.WAITING_FOR_KEYS)).extracting(Household::id).containsExactly(refused);
            assertThat(households.find(refused).orElseThrow().rejectedKeyDeliveries()).isEqualTo(2);
            Household receiving = households.find(granted).orElseThrow();
            assertThat(receiving.state()).isEqualTo(HouseholdState.RECEIVING);
            assertThat(receiving.policyId()).isEqualTo("pol_00000001");
            assertThat(receiving.device()).isEqualTo("D".repeat(81));

            assertThat(households.end(old)).as("an expired request has nothing to end").isFalse();
            assertThat(households.revoke(granted)).isTrue();
            assertThat(households.revoke(granted)).isFalse();
            assertThat(households.end(granted)).isFalse();
            assertThat(households.find(granted).orElseThrow().state()).isEqualTo(HouseholdState.REVOKED);
            assertThat(households.find("req_unknown")).isEmpty();
            assertThat(households.nextKeyIndex()).isEqualTo(4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderDatabase.Dialect.class)
    void twoInstancesCreatingRequestsAtOnceDrawDistinctKeyIndexes(ProviderDatabase.Dialect dialect) throws Exception {
        try (FreshDatabase fresh = FreshDatabase.open(dialect, data); ProviderDatabase second = fresh.another()) {
            Seed seed = Seed.generate(new SecureRandom());
            ConsentRequests one = requests(new HouseholdStore(fresh.database), seed, MORNING);
            ConsentRequests other = requests(new HouseholdStore(second), seed, MORNING);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Void>> work = new ArrayList<>();
                for (ConsentRequests instance : List.of(one, other)) {
                    work.add(() -> {
                        for (int i = 0; i < 10; i++) {
                            instance.create(Optional.empty());
                        }
                        return null;
                    });
                }
                for (Future<Void> done : pool.invokeAll(work)) {
                    done.get();
                }
            } finally {
                pool.shutdownNow();
            }
            List<Household> all = new HouseholdStore(fresh.database).all();
            assertThat(all).hasSize(20);
            assertThat(new HashSet<>(all.stream().map(Household::keyIndex).toList())).hasSize(20);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderDatabase.Dialect.class)
    void aConsentEndIsRecordedMovedAndRead(ProviderDatabase.Dialect dialect) throws Exception {
        try (FreshDatabase fresh = FreshDatabase.open(dialect, data)) {
            ConsentEnds ends = new ConsentEnds(fresh.database);
            Instant until = Instant.parse("2026-12-24T23:00:00Z");
            assertThat(ends.until("req_household1")).isEmpty();
            assertThat(ends.endedBy("req_household1", until.plusSeconds(3600), null)).as("no end date: revoked").isFalse();
            ends.record("req_household1", until);
            assertThat(ends.until("req_household1")).contains(until);
            assertThat(ends.endedBy("req_household1", until.minusSeconds(30), null)).isTrue();
            assertThat(ends.endedBy("req_household1", until.minusSeconds(3600), null)).isFalse();
            assertThat(ends.endedBy("req_household1", until.minusSeconds(3600), until)).as("a meter ahead of the clock").isTrue();
            // a renewed consent (a new key delivery with a later end) moves the date
            ends.record("req_household1", until.plusSeconds(86_400).plusMillis(250));
            assertThat(ends.until("req_household1")).contains(until.plusSeconds(86_400).plusMillis(250));
            assertThat(ends.until("req_household2")).isEmpty();
        }
    }

    private static StoredReading reading(long sequence, String time, String t1, String t2, String gas) {
        return new StoredReading("req_household1", sequence, Instant.parse(time), new BigDecimal(t1), new BigDecimal(t2),
                new BigDecimal("7.000"), null, 250, null, new BigDecimal(gas), Instant.parse(time), "/raw " + sequence);
    }

    /** Around the end of summer time in 2026 (25 October, a day of 25 hours in Amsterdam). */
    private static final List<StoredReading> READINGS = List.of(
            reading(1, "2026-10-24T21:30:00Z", "100.000", "200.000", "10.000"), // 23:30 CEST on the 24th
            reading(2, "2026-10-24T22:30:00Z", "101.000", "200.000", "10.500"), // 00:30 CEST on the 25th
            reading(3, "2026-10-25T22:30:00Z", "103.000", "202.500", "12.000"), // 23:30 CET, still the 25th
            reading(4, "2026-10-25T22:45:00Z", "103.500", "202.500", "12.100"),
            reading(5, "2026-10-25T23:30:00Z", "104.000", "203.000", "12.250")); // 00:30 on the 26th

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderDatabase.Dialect.class)
    void readingsAreQueriedBetweenTimesPerLocalDayAndPerHour(ProviderDatabase.Dialect dialect) throws Exception {
        try (FreshDatabase fresh = FreshDatabase.open(dialect, data)) {
            ReadingStore readings = new ReadingStore(fresh.database);
            readings.store(READINGS);
            assertThat(readings.count("req_household1")).isEqualTo(5);
            assertThat(readings.count("req_household2")).isZero();

            assertThat(readings.between("req_household1", null, null, 100)).containsExactlyElementsOf(READINGS);
            assertThat(readings.between("req_household1", Instant.parse("2026-10-24T22:30:00Z"), Instant.parse("2026-10-25T22:45:00Z"), 100))
                    .extracting(StoredReading::sequence).containsExactly(2L, 3L);
            assertThat(readings.between("req_household1", null, Instant.parse("2026-10-25T00:00:00Z"), 1))
                    .extracting(StoredReading::sequence).containsExactly(1L);
            assertThat(readings.between("req_household1", Instant.parse("2026-10-25T22:40:00Z"), null, 100))
                    .extracting(StoredReading::sequence).containsExactly(4L, 5L);

            List<ReadingStore.Day> days = readings.daily("req_household1", Instant.parse("2026-10-23T22:00:00Z"), AMSTERDAM);
            assertThat(days).extracting(ReadingStore.Day::date).containsExactly(LocalDate.parse("2026-10-24"),
                    LocalDate.parse("2026-10-25"), LocalDate.parse("2026-10-26"));
            assertThat(days.get(0).energyImportKwh()).isEqualByComparingTo("0");
            assertThat(days.get(1).energyImportKwh()).isEqualByComparingTo("5.0");
            assertThat(days.get(1).energyExportKwh()).isEqualByComparingTo("0");
            assertThat(days.get(1).gasM3()).isEqualByComparingTo("1.6");
            assertThat(readings.daily("req_household1", Instant.parse("2026-10-25T22:40:00Z"), AMSTERDAM))
                    .extracting(ReadingStore.Day::date).as("from a time on").containsExactly(LocalDate.parse("2026-10-25"),
                            LocalDate.parse("2026-10-26"));

            List<ReadingStore.Hour> hours = readings.hourly("req_household1", Instant.parse("2026-10-25T22:00:00Z"));
            assertThat(hours).extracting(ReadingStore.Hour::start).containsExactly("2026-10-25T22:00:00Z", "2026-10-25T23:00:00Z");
            assertThat(hours.get(0).energyImportKwh()).isEqualByComparingTo("0.5");
            assertThat(hours.get(0).gasM3()).isEqualByComparingTo("0.1");
            assertThat(hours.get(1).energyImportKwh()).isEqualByComparingTo("0");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderDatabase.Dialect.class)
    void daysInAFixedOffsetZoneAreEastOfUtc(ProviderDatabase.Dialect dialect) throws Exception {
        try (FreshDatabase fresh = FreshDatabase.open(dialect, data)) {
            ReadingStore readings = new ReadingStore(fresh.database);
            readings.store(READINGS);
            // provider.zone=+02:00 (or UTC+2): 21:30Z is 23:30 on the 24th, 22:30Z is 00:30 on the next day
            for (ZoneId zone : List.of(ZoneOffset.ofHours(2), ZoneId.of("UTC+02:00"), ZoneId.of("GMT+2"))) {
                assertThat(readings.daily("req_household1", Instant.parse("2026-10-23T22:00:00Z"), zone))
                        .extracting(ReadingStore.Day::date).as(zone.getId()).containsExactly(LocalDate.parse("2026-10-24"),
                                LocalDate.parse("2026-10-25"), LocalDate.parse("2026-10-26"));
            }
            assertThat(readings.daily("req_household1", Instant.parse("2026-10-23T22:00:00Z"), ZoneOffset.UTC))
                    .extracting(ReadingStore.Day::date).containsExactly(LocalDate.parse("2026-10-24"), LocalDate.parse("2026-10-25"));
        }
    }
}
