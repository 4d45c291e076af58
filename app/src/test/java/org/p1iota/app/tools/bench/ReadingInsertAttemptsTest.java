package org.p1iota.app.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.p1iota.app.provider.ProviderDatabase;
import org.p1iota.app.provider.ReadingStore;
import org.p1iota.app.provider.StoredReading;
import org.p1iota.app.testing.TestPostgres;

/** The benchmark's attempt counter on a real PostgreSQL (.ci/services): a reading stored twice is one row and two attempts. */
class ReadingInsertAttemptsTest {

    @Test
    void countsEveryAttemptToStoreAReadingAlsoTheOnesTheUniqueKeyDrops() throws Exception {
        try (TestPostgres postgres = TestPostgres.create(); ProviderDatabase database = ProviderDatabase.open(postgres.url, null, null)) {
            ReadingStore store = new ReadingStore(database);
            StoredReading first = reading(0);
            try (ReadingInsertAttempts attempts = ReadingInsertAttempts.install(postgres.url)) {
                store.store(List.of(first, reading(1)));
                assertThat(store.store(List.of(first))).isEmpty(); // read again after a takeover: nothing new

                ReadingInsertAttempts.Count count = attempts.count();
                assertThat(count.rows()).isEqualTo(2);
                assertThat(count.attempts()).isEqualTo(3);
                assertThat(count.extraAttempts()).isEqualTo(1);
                assertThat(count.duplicateRows()).isZero();
            }
            // removed afterwards: the provider's schema is as it was
            try (Connection connection = DriverManager.getConnection(postgres.url); Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT (SELECT count(*) FROM pg_trigger WHERE tgname = 'bench_reading_attempt'), "
                            + "(SELECT count(*) FROM information_schema.tables WHERE table_name = 'bench_reading_attempt')")) {
                row.next();
                assertThat(row.getInt(1) + row.getInt(2)).isZero();
            }
            store.store(List.of(reading(2)));
        }
    }

    private static StoredReading reading(long sequence) {
        return new StoredReading("req_attempts", sequence, Instant.parse("2026-12-07T22:00:00Z").plusSeconds(sequence), null, null, null,
                null, null, null, null, null, "/raw");
    }
}
