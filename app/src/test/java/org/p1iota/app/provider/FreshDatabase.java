package org.p1iota.app.provider;

import java.nio.file.Path;

import org.p1iota.app.testing.TestPostgres;

/**
 * A provider database of its own for one test, of either kind the role runs on: the embedded H2 file
 * (in the test's temporary directory) or a database on the PostgreSQL server of {@link TestPostgres}
 * (skipped without it, failed under CI). Lets one test run the same assertions on both.
 */
final class FreshDatabase implements AutoCloseable {

    final ProviderDatabase database;
    private final TestPostgres postgres;
    private final Path directory;

    private FreshDatabase(ProviderDatabase database, TestPostgres postgres, Path directory) {
        this.database = database;
        this.postgres = postgres;
        this.directory = directory;
    }

    static FreshDatabase open(ProviderDatabase.Dialect dialect, Path temporary) throws Exception {
        if (dialect == ProviderDatabase.Dialect.H2) {
            Path directory = temporary.resolve("provider-db");
            return new FreshDatabase(ProviderDatabase.open(directory), null, directory);
        }
        TestPostgres postgres = TestPostgres.create();
        try {
            return new FreshDatabase(ProviderDatabase.open(postgres.url, null, null), postgres, null);
        } catch (Exception e) {
            postgres.close();
            throw e;
        }
    }

    /** A second connection pool on the same database: what a second provider instance has. */
    ProviderDatabase another() throws Exception {
        return postgres == null ? ProviderDatabase.open(directory) : ProviderDatabase.open(postgres.url, null, null);
    }

    @Override
    public void close() throws Exception {
        try {
            database.close();
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
