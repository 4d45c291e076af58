package org.p1iota.app.tools.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts the providers' attempts to store a reading, not only the rows: the primary key (household,
 * sequence) and the insert's ON CONFLICT DO NOTHING make a second row impossible, so "0 duplicated
 * rows" proves nothing by itself; how often a message was stored again during a failover shows in the
 * attempts beyond the rows. A BEFORE INSERT row trigger on {@code reading} (PostgreSQL fires it for every
 * row proposed, also for one the conflict then drops) writes each attempt into {@code bench_reading_attempt};
 * the benchmark installs it in its database for the run and removes both afterwards.
 */
final class ReadingInsertAttempts implements AutoCloseable {

    /** Attempts and rows of the reading table at one moment. */
    record Count(long attempts, long rows, long duplicateRows) {

        long extraAttempts() {
            return attempts - rows;
        }
    }

    private final String url;

    private ReadingInsertAttempts(String url) {
        this.url = url;
    }

    /** Installs the trigger in the (migrated) PostgreSQL database at {@code url}. */
    static ReadingInsertAttempts install(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_reading_attempt (household VARCHAR(64) NOT NULL, "
                    + "sequence BIGINT NOT NULL, attempted_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp())");
            statement.execute("TRUNCATE bench_reading_attempt");
            statement.execute("CREATE OR REPLACE FUNCTION bench_count_reading_attempt() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    + "BEGIN INSERT INTO bench_reading_attempt (household, sequence) VALUES (NEW.household, NEW.sequence); "
                    + "RETURN NEW; END $$");
            statement.execute("DROP TRIGGER IF EXISTS bench_reading_attempt ON reading");
            statement.execute("CREATE TRIGGER bench_reading_attempt BEFORE INSERT ON reading FOR EACH ROW "
                    + "EXECUTE FUNCTION bench_count_reading_attempt()");
        }
        return new ReadingInsertAttempts(url);
    }

    Count count() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT (SELECT count(*) FROM bench_reading_attempt), (SELECT count(*) FROM reading), "
                        + "(SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM reading GROUP BY household, sequence) AS g)")) {
            row.next();
            return new Count(row.getLong(1), row.getLong(2), row.getLong(3));
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER IF EXISTS bench_reading_attempt ON reading");
            statement.execute("DROP FUNCTION IF EXISTS bench_count_reading_attempt()");
            statement.execute("DROP TABLE IF EXISTS bench_reading_attempt");
        }
    }
}
