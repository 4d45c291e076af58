package org.p1iota.app.provider;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The provider's embedded H2 database ({@code <data>/provider-db/wattt.mv.db}): consent requests
 * (households) and their readings. One connection, used under this object's lock: the provider
 * writes a few telegrams a second at most, and one connection keeps the file's single-writer rule
 * simple. The schema is created on open.
 */
public final class ProviderDatabase implements AutoCloseable {

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS household (
          id VARCHAR(64) PRIMARY KEY,
          key_index INT NOT NULL UNIQUE,
          inbox CHAR(81) NOT NULL,
          goal VARCHAR(500) NOT NULL,
          requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
          state VARCHAR(20) NOT NULL,
          policy_id VARCHAR(64),
          device CHAR(81),
          last_reading_at TIMESTAMP WITH TIME ZONE)
        """,
        """
        CREATE TABLE IF NOT EXISTS reading (
          household VARCHAR(64) NOT NULL,
          sequence BIGINT NOT NULL,
          measured_at TIMESTAMP WITH TIME ZONE NOT NULL,
          energy_import_t1 DECIMAL(18,3),
          energy_import_t2 DECIMAL(18,3),
          energy_export_t1 DECIMAL(18,3),
          energy_export_t2 DECIMAL(18,3),
          power_import_w INT,
          power_export_w INT,
          gas_m3 DECIMAL(18,3),
          gas_at TIMESTAMP WITH TIME ZONE,
          raw VARCHAR(8192) NOT NULL,
          PRIMARY KEY (household, sequence))
        """,
        "CREATE INDEX IF NOT EXISTS reading_by_time ON reading(household, measured_at)",
        // protocol v2: the request's grant secret (never logged) and the key deliveries refused at its inbox
        "ALTER TABLE household ADD COLUMN IF NOT EXISTS grant_secret VARCHAR(43)",
        "ALTER TABLE household ADD COLUMN IF NOT EXISTS rejected_key_deliveries INT DEFAULT 0 NOT NULL",
        // ---- issue 16: customer accounts (AccountStore). One block, to become one Flyway migration. ----
        """
        CREATE TABLE IF NOT EXISTS account (
          id VARCHAR(64) PRIMARY KEY,
          email VARCHAR(254) NOT NULL UNIQUE,
          password_hash VARCHAR(200) NOT NULL,
          created_at TIMESTAMP WITH TIME ZONE NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS account_household (
          household VARCHAR(64) PRIMARY KEY,
          account_id VARCHAR(64),
          meter_name VARCHAR(64) NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS account_household_by_account ON account_household(account_id)"
        // ---- end of issue 16 ----
    };

    private final Connection connection;

    private ProviderDatabase(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating on first use) the database in {@code directory}. */
    public static ProviderDatabase open(Path directory) throws SQLException, java.io.IOException {
        if (!java.nio.file.Files.isDirectory(directory)) {
            // household data: readable by the provider's account only, like the secrets beside it
            java.nio.file.Files.createDirectories(directory, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        }
        String url = "jdbc:h2:file:" + directory.resolve("wattt").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        Connection connection = DriverManager.getConnection(url, "wattt", "");
        try (Statement statement = connection.createStatement()) {
            for (String ddl : SCHEMA) {
                statement.execute(ddl);
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new ProviderDatabase(connection);
    }

    /** Runs {@code work} on the connection under the lock, in one transaction. */
    public synchronized <T> T transaction(Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return null;
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }

    /** Database work done under the lock. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
