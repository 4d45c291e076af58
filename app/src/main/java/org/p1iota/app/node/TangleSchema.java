package org.p1iota.app.node;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables of the node's database, and the migration from the first schema (table {@code TX}:
 * hashes as 81 characters, six indexes, ~8 KB a transaction on disk).
 * <p>
 * {@code transactions}: the row key {@code id} counts up in arrival order, so the oldest rows (what
 * pruning removes) come first in the primary key and no index on arrival is needed, and each
 * secondary index entry carries an 8-byte key instead of an 81-character hash. Hashes are 49 bytes of
 * packed trits ({@link PackedTrits}); only the fields findTransactions and tip selection query are
 * indexed. {@code entry_points}: hashes of pruned transactions that kept transactions still approve
 * (IRI's solid entry points). {@code node_meta}: counters that outlive a restart.
 */
final class TangleSchema {

    private static final Logger LOG = LoggerFactory.getLogger(TangleSchema.class);
    static final String PRUNED = "pruned_transactions";
    private static final int MIGRATION_BATCH = 1_000;

    private TangleSchema() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS transactions (id BIGINT PRIMARY KEY, hash BINARY(49) NOT NULL, "
                    + "address BINARY(49) NOT NULL, bundle BINARY(49) NOT NULL, trunk BINARY(49) NOT NULL, "
                    + "branch BINARY(49) NOT NULL, tag BINARY(17) NOT NULL, obsolete_tag BINARY(17), "
                    + "rest VARBINARY(" + TransactionRow.REST_BYTES + ") NOT NULL, tail BOOLEAN NOT NULL, "
                    + "tx_value BIGINT NOT NULL, arrival BIGINT NOT NULL, approvers INT NOT NULL, "
                    + "bundle_validity TINYINT DEFAULT 0 NOT NULL)");
            s.execute("CREATE UNIQUE INDEX IF NOT EXISTS transactions_hash ON transactions(hash)");
            for (String column : List.of("address", "bundle", "trunk", "branch", "tag", "obsolete_tag")) {
                s.execute("CREATE INDEX IF NOT EXISTS transactions_" + column + " ON transactions(" + column + ")");
            }
            s.execute("CREATE INDEX IF NOT EXISTS transactions_tips ON transactions(approvers, id)");
            s.execute("CREATE TABLE IF NOT EXISTS entry_points (hash BINARY(49) PRIMARY KEY)");
            s.execute("CREATE TABLE IF NOT EXISTS node_meta (name VARCHAR(64) PRIMARY KEY, val BIGINT NOT NULL)");
        }
    }

    /** True when the database still holds the first schema's table. */
    static boolean hasOldSchema(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "TX", null)) {
            return rs.next();
        }
    }

    /**
     * Migrates a database of the first schema before the node serves anything, then closes it with
     * {@code SHUTDOWN COMPACT}, which rewrites the file: the online compaction leaves the space of
     * the dropped table in the middle of the file.
     */
    static void migrateOnStart(String url, TangleStore store) throws SQLException {
        try (Connection read = DriverManager.getConnection(url, "node", "");
             Connection write = DriverManager.getConnection(url, "node", "")) {
            create(read);
            if (!hasOldSchema(read)) {
                return;
            }
            try (Statement s = read.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM transactions")) {
                rs.next();
                store.nextId = rs.getLong(1);
            }
            write.setAutoCommit(false);
            migrate(read, write, store);
            try (Statement s = read.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
    }

    /**
     * Copies the first schema's rows, oldest first (so that row ids keep arrival order), committing
     * every {@value #MIGRATION_BATCH} rows so memory stays bounded, then drops the old table. A
     * migration interrupted by a crash starts again on the next start: rows already copied are
     * skipped by hash.
     *
     * @return the number of rows copied
     */
    static long migrate(Connection read, Connection write, TangleStore store) throws SQLException {
        LOG.info("node database: migrating the transactions of the first schema (table TX) to the compact one");
        long copied = 0;
        List<TangleStore.Incoming> batch = new ArrayList<>();
        try (Statement s = read.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT hash, trytes, arrival, approvers, bundle_validity FROM tx ORDER BY arrival, hash")) {
            while (rs.next()) {
                batch.add(new TangleStore.Incoming(NodeTransaction.stored(PackedTrytes.unpack(rs.getBytes(2)),
                        rs.getString(1)), rs.getLong(3), rs.getInt(4), rs.getInt(5)));
                if (batch.size() == MIGRATION_BATCH) {
                    copied += store.insertMigrated(write, batch);
                    batch.clear();
                }
            }
        }
        copied += store.insertMigrated(write, batch);
        try (Statement s = write.createStatement()) {
            s.execute("DROP TABLE tx");
        }
        write.commit();
        LOG.info("node database: migrated {} transactions; the old table is dropped", copied);
        return copied;
    }
}
