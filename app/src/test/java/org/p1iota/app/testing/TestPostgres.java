package org.p1iota.app.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the PostgreSQL server that {@code .ci/services} starts (URL in the
 * environment variable {@value #VARIABLE}, of a role that may create databases): created for one test,
 * dropped after it. Without the variable the test is skipped, except under CI, where that fails it.
 */
public final class TestPostgres implements AutoCloseable {

    public static final String VARIABLE = "P1IOTA_TEST_POSTGRES";

    private final String adminUrl;
    private final String name;
    public final String url;

    private TestPostgres(String adminUrl, String name, String url) {
        this.adminUrl = adminUrl;
        this.name = name;
        this.url = url;
    }

    /** The server's URL, or the test is skipped (locally) or failed (under CI). */
    public static String serverUrl() {
        String url = System.getenv(VARIABLE);
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(VARIABLE + " is not set: .ci/run starts PostgreSQL with .ci/services");
            }
            Assumptions.abort(VARIABLE + " is not set: eval \"$(.ci/services)\" starts PostgreSQL and ZooKeeper");
        }
        return url;
    }

    public static TestPostgres create() throws SQLException {
        String server = serverUrl();
        String name = "p1iota_t" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
        try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        String database = server.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        return new TestPostgres(server, name, database);
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
