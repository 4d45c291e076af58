package org.p1iota.app.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.TestPostgres;
import org.p1iota.camel.iota.state.Subscription;

/**
 * The provider's store on a real PostgreSQL server (.ci/services) and on H2: Flyway brings both to the
 * same schema; a reading stored twice, also by two instances at once, is one row; days in a time zone;
 * channel positions move only from the root the reader read at; an H2 file of a release before
 * migrations keeps its data.
 */
class ProviderDatabasePostgresTest {

    private static final String INBOX = "A".repeat(81);
    private static final String DEVICE = "B".repeat(81);
    private static final String ROOT_1 = "C".repeat(81);
    private static final String ROOT_2 = "D".repeat(81);

    @TempDir
    Path data;

    private static StoredReading reading(long sequence, String time, String importT1) {
        return new StoredReading("req_household1", sequence, Instant.parse(time), new BigDecimal(importT1), BigDecimal.ONE,
                BigDecimal.ZERO, null, 250, 0, new BigDecimal("50.000"), null, "/raw " + sequence);
    }

    @Test
    void postgresStoresEachReadingOnceEvenFromTwoInstancesAtOnce() throws Exception {
        try (TestPostgres postgres = TestPostgres.create();
                ProviderDatabase first = ProviderDatabase.open(postgres.url, null, null);
                ProviderDatabase second = ProviderDatabase.open(postgres.url, null, null)) {
            assertThat(first.dialect()).isEqualTo(ProviderDatabase.Dialect.POSTGRESQL);
            assertThat(migrations(postgres.url)).containsExactly("1", "2", "3", "4", "5", "6");
            HouseholdStore households = new HouseholdStore(first);
            households.insert(new Household("req_household1", 1, INBOX, "goal", Instant.parse("2026-11-24T00:00:00Z"),
                    HouseholdState.WAITING_FOR_KEYS, null, null, null));
            assertThat(households.startReceiving("req_household1", "pol_00000001", DEVICE)).isTrue();

            List<StoredReading> batch = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                batch.add(reading(i, "2026-11-24T10:00:00Z", "100.000"));
            }
            // the same message read by the instance that lost the shard and by the one that took it over
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<Integer> a = () -> new ReadingStore(first).store(batch).size();
                Callable<Integer> b = () -> new ReadingStore(second).store(batch).size();
                List<Future<Integer>> added = pool.invokeAll(List.of(a, b));
                assertThat(added.get(0).get() + added.get(1).get()).isEqualTo(200);
            } finally {
                pool.shutdownNow();
            }
            ReadingStore readings = new ReadingStore(first);
            assertThat(readings.count("req_household1")).isEqualTo(200);
            assertThat(readings.store(batch)).isEmpty();

            readings.store(List.of(reading(1000, "2026-11-24T22:30:00Z", "104.500"), // 23:30 in Amsterdam: still the 24th
                    reading(1001, "2026-11-24T23:30:00Z", "105.000"))); // 00:30 on the 25th
            assertThat(readings.between("req_household1", Instant.parse("2026-11-24T22:00:00Z"), null, 10))
                    .extracting(StoredReading::sequence).containsExactly(1000L, 1001L);
            List<ReadingStore.Day> days = readings.daily("req_household1", Instant.parse("2026-11-23T23:00:00Z"),
                    ZoneId.of("Europe/Amsterdam"));
            assertThat(days).extracting(ReadingStore.Day::date).containsExactly(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-25"));
            assertThat(days.get(0).energyImportKwh()).isEqualByComparingTo("4.5");
            assertThat(households.find("req_household1").orElseThrow().lastReadingAt()).isEqualTo(Instant.parse("2026-11-24T23:30:00Z"));

            positionsMoveOnlyFromTheRootRead(new ChannelPositions(first, Clock.systemUTC()), new ChannelPositions(second, Clock.systemUTC()));
        }
    }

    @Test
    void h2MigratesToTheSameSchemaAndKeepsTheDataOfAReleaseBeforeMigrations() throws Exception {
        Path directory = data.resolve("provider-db");
        java.nio.file.Files.createDirectories(directory);
        String url = "jdbc:h2:file:" + directory.resolve("wattt").toAbsolutePath();
        try (Connection old = DriverManager.getConnection(url, "wattt", ""); Statement statement = old.createStatement()) {
            // what ProviderDatabase created on open before Flyway
            statement.execute("CREATE TABLE household (id VARCHAR(64) PRIMARY KEY, key_index INT NOT NULL UNIQUE, inbox CHAR(81) NOT NULL,"
                    + " goal VARCHAR(500) NOT NULL, requested_at TIMESTAMP WITH TIME ZONE NOT NULL, state VARCHAR(20) NOT NULL,"
                    + " policy_id VARCHAR(64), device CHAR(81), last_reading_at TIMESTAMP WITH TIME ZONE,"
                    + " grant_secret VARCHAR(43), rejected_key_deliveries INT DEFAULT 0 NOT NULL)");
            statement.execute("INSERT INTO household (id, key_index, inbox, goal, requested_at, state) VALUES"
                    + " ('req_old', 1, '" + INBOX + "', 'goal', TIMESTAMP WITH TIME ZONE '2026-11-24 00:00:00+00', 'receiving')");
        }
        try (ProviderDatabase database = ProviderDatabase.open(directory)) {
            assertThat(database.dialect()).isEqualTo(ProviderDatabase.Dialect.H2);
            assertThat(new HouseholdStore(database).find("req_old").orElseThrow().state()).isEqualTo(HouseholdState.RECEIVING);
            positionsMoveOnlyFromTheRootRead(new ChannelPositions(database, Clock.systemUTC()), new ChannelPositions(database, Clock.systemUTC()));
        }
        assertThat(migrations(url + ";USER=wattt")).as("baselined at 0, then V1 (a no-op here), V2, V3, V4 (accounts), V5 (consent ends), V6 (tariffs)")
                .containsExactly("0", "1", "2", "3", "4", "5", "6");
    }

    private static void positionsMoveOnlyFromTheRootRead(ChannelPositions one, ChannelPositions other) {
        one.put(new Subscription("req_household1", ROOT_1, "restricted", "KEY"));
        assertThat(other.putIfAbsent(new Subscription("req_household1", ROOT_2, "restricted", "KEY"))).isFalse();
        other.advance("req_household1", ROOT_1, ROOT_2);
        one.advance("req_household1", ROOT_1, "E".repeat(81)); // read at ROOT_1 too, but too late: nothing moves
        assertThat(one.get("req_household1").orElseThrow().root()).isEqualTo(ROOT_2);
        one.changeSideKey("req_household1", "NEWKEY");
        assertThat(other.all()).containsExactly(new Subscription("req_household1", ROOT_2, "restricted", "NEWKEY"));
        other.remove("req_household1");
        assertThat(one.all()).isEmpty();
    }

    private static List<String> migrations(String url) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (row.next()) {
                versions.add(row.getString(1));
            }
        }
        return versions;
    }
}
