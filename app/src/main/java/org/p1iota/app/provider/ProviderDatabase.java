package org.p1iota.app.provider;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * The provider's database: consent requests (households), their readings and where each household's
 * data channel is read next. By default an embedded H2 file ({@code <data>/provider-db/wattt.mv.db}),
 * zero setup; with {@code provider.database.url} any PostgreSQL server, which several provider
 * instances share (docs/scaling.md). Flyway brings either schema to the newest version on open
 * ({@code db/provider/V*.sql}, portable SQL); a database created before migrations existed is
 * baselined at version 0 and passes through V1 unchanged. Connections come from a HikariCP pool.
 */
public final class ProviderDatabase implements AutoCloseable {

    /** Where the SQL of the two databases differs (idempotent inserts, days in a time zone). */
    public enum Dialect { H2, POSTGRESQL }

    private final HikariDataSource dataSource;
    private final Dialect dialect;

    private ProviderDatabase(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Opens (creating on first use) the embedded H2 database in {@code directory}. */
    public static ProviderDatabase open(Path directory) throws SQLException, java.io.IOException {
        if (!java.nio.file.Files.isDirectory(directory)) {
            // household data: readable by the provider's account only, like the secrets beside it
            java.nio.file.Files.createDirectories(directory, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        }
        String url = "jdbc:h2:file:" + directory.resolve("wattt").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        return open(url, "wattt", "");
    }

    /**
     * Opens the database at a JDBC URL ({@code jdbc:postgresql://host/db} or {@code jdbc:h2:...}) and
     * migrates its schema.
     */
    public static ProviderDatabase open(String jdbcUrl, String user, String password) throws SQLException {
        Dialect dialect;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRESQL;
        } else if (jdbcUrl.startsWith("jdbc:h2:")) {
            dialect = Dialect.H2;
        } else {
            throw new IllegalArgumentException("provider.database.url must be a jdbc:postgresql: or jdbc:h2: URL, not "
                    + jdbcUrl.replaceAll("\\?.*", "?..."));
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("provider-db");
        // the embedded file takes one process only; a few connections are enough for the follower and the web API
        config.setMaximumPoolSize(dialect == Dialect.H2 ? 4 : 8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        if (dialect == Dialect.POSTGRESQL) {
            // no wait for the WAL flush on each commit (the follower commits twice per message): a server
            // crash loses the last commits in order, the channel position with the readings it follows,
            // so those messages are read and stored again; nothing is lost, nothing stored twice
            config.setConnectionInitSql("SET synchronous_commit = off");
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new SQLException("cannot connect to the provider database: " + e.getMessage(), e);
        }
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/provider")
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new SQLException("cannot migrate the provider database: " + e.getMessage(), e);
        }
        return new ProviderDatabase(dataSource, dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * SQL for the local date ({@code YYYY-MM-DD} text) of a {@code TIMESTAMP WITH TIME ZONE} column in
     * {@code zone}: what the daily readings and costs group by. A CAST to DATE would use the session's
     * time zone instead. PostgreSQL reads an offset written as a zone name ({@code '+02:00'},
     * {@code 'UTC+2'}) the POSIX way, west of Greenwich, so a fixed offset goes to it as an interval,
     * which it counts east, as Java does.
     */
    public String localDay(String column, ZoneId zone) {
        String zoneId = zone.getId().replace("'", "");
        if (dialect == Dialect.H2) {
            return "FORMATDATETIME(" + column + ", 'yyyy-MM-dd', 'en', '" + zoneId + "')";
        }
        String at = zone.normalized() instanceof ZoneOffset offset
                ? "INTERVAL '" + offset.getTotalSeconds() + " seconds'"
                : "'" + zoneId + "'";
        return "to_char(" + column + " AT TIME ZONE " + at + ", 'YYYY-MM-DD')";
    }

    /** Runs {@code work} on a pooled connection in one transaction. */
    public <T> T transaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Whether the failure is a unique or primary key violation (SQLSTATE 23505 in H2 and PostgreSQL). */
    public static boolean isDuplicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
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
    public void close() {
        dataSource.close();
    }

    /** Database work done in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
