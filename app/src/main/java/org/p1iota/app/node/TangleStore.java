package org.p1iota.app.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The tangle in an embedded H2 database, laid out by {@link TangleSchema} and {@link TransactionRow}:
 * one row per transaction, its trits packed five to a byte, indexed only by what the API queries
 * (hash, address, bundle, tag, obsolete tag, trunk, branch), with a count of direct approvers so that
 * tips (approvers = 0) are an index range, not a scan. Nothing is cached in the JVM beyond H2's own
 * bounded page cache; every query has a limit. {@link TanglePruner} removes old transactions.
 * <p>
 * Durability: H2 2.x (MVStore) acknowledges a commit before the change is in the file; its background
 * writer persists it up to WRITE_DELAY later. A store therefore ends with {@code CHECKPOINT} (flush
 * to the file: survives kill -9) or {@code CHECKPOINT SYNC} (also fsync: survives power loss) before
 * it returns, and the HTTP reply is only sent after that.
 * <p>
 * Disk: every such commit leaves a chunk of rewritten pages in the file; {@link FileCompaction} gives
 * them back once the file has grown by a quarter over its last compacted size.
 */
public final class TangleStore implements AutoCloseable {

    static final String ROW = "address, bundle, trunk, branch, tag, obsolete_tag, rest";

    private final JdbcConnectionPool pool;
    private final Path file;
    private final String checkpoint;
    /** Longest a stop waits for compaction: within the time systemd and the demo give a role to stop. */
    static final int CLOSE_COMPACT_MILLIS = 5_000;
    long nextId;
    private final FileCompaction compaction;

    public TangleStore(Path directory, boolean syncOnCommit) throws SQLException {
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the node's data directory " + directory + ": " + e.getMessage(), e);
        }
        this.file = directory.toAbsolutePath().resolve("tangle.mv.db");
        this.checkpoint = syncOnCommit ? "CHECKPOINT SYNC" : "CHECKPOINT";
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("tangle") + ";DB_CLOSE_ON_EXIT=FALSE";
        TangleSchema.migrateOnStart(url, this);
        this.pool = JdbcConnectionPool.create(url, "node", "");
        pool.setMaxConnections(16);
        try (Connection c = pool.getConnection()) {
            TangleSchema.create(c);
            nextId = count(c, "SELECT COALESCE(MAX(id), 0) + 1 FROM transactions");
        }
        this.compaction = new FileCompaction(this);
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /**
     * Stores the transactions in one database transaction (all or nothing) and returns once they are
     * durable. Known transactions are skipped.
     *
     * @return how many were new
     */
    public synchronized int store(Collection<NodeTransaction> transactions) throws SQLException {
        Map<String, NodeTransaction> unique = new LinkedHashMap<>();
        transactions.forEach(t -> unique.putIfAbsent(t.hash(), t));
        List<Incoming> rows = new ArrayList<>();
        unique.values().forEach(t -> rows.add(new Incoming(t, System.currentTimeMillis(), -1, 0)));
        int added;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            added = insertMigrated(c, rows);
            if (added > 0) {
                try (Statement s = c.createStatement()) {
                    s.execute(checkpoint);
                }
            }
        }
        if (added > 0) {
            compaction.afterStore(); // after the checkpoint: the store is acknowledged whatever compaction does
        }
        return added;
    }

    /** A transaction to insert with what the node knows about it; approvers -1: count them and approve its parents. */
    record Incoming(NodeTransaction transaction, long arrival, int approvers, int bundleValidity) {
    }

    /** Inserts the new ones among the rows and commits (rolls back on failure). */
    synchronized int insertMigrated(Connection c, List<Incoming> rows) throws SQLException {
        int added = 0;
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM transactions WHERE hash = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO transactions (id, hash, " + ROW
                     + ", tail, tx_value, arrival, approvers, bundle_validity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement approve = c.prepareStatement(
                     "UPDATE transactions SET approvers = approvers + 1 WHERE hash IN (?, ?)");
             PreparedStatement approvers = c.prepareStatement("SELECT COUNT(*) FROM (SELECT id FROM transactions WHERE "
                     + "trunk = ? UNION SELECT id FROM transactions WHERE branch = ?)")) {
            for (Incoming row : rows) {
                NodeTransaction t = row.transaction();
                byte[] hash = TransactionRow.hash(t.hash());
                if (NodeTransaction.NULL_HASH.equals(t.hash()) || exists(exists, hash)) {
                    continue;
                }
                TransactionRow r = TransactionRow.of(t);
                insert.setLong(1, nextId);
                Object[] values = {r.hash(), r.address(), r.bundle(), r.trunk(), r.branch(), r.tag(), r.obsoleteTag(), r.rest()};
                for (int i = 0; i < values.length; i++) {
                    insert.setBytes(2 + i, (byte[]) values[i]);
                }
                insert.setBoolean(10, t.isTail());
                insert.setLong(11, t.value());
                insert.setLong(12, row.arrival());
                insert.setInt(13, row.approvers() >= 0 ? row.approvers() : countApprovers(approvers, hash));
                insert.setInt(14, row.bundleValidity());
                insert.executeUpdate();
                if (row.approvers() < 0) {
                    approve.setBytes(1, r.trunk());
                    approve.setBytes(2, r.branch());
                    approve.executeUpdate();
                }
                nextId++;
                added++;
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            nextId = count(c, "SELECT COALESCE(MAX(id), 0) + 1 FROM transactions");
            throw e;
        }
        return added;
    }

    private static boolean exists(PreparedStatement exists, byte[] hash) throws SQLException {
        exists.setBytes(1, hash);
        try (ResultSet rs = exists.executeQuery()) {
            return rs.next();
        }
    }

    private static int countApprovers(PreparedStatement approvers, byte[] hash) throws SQLException {
        approvers.setBytes(1, hash);
        approvers.setBytes(2, hash);
        try (ResultSet rs = approvers.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The row's trytes; {@code at} is the index of its address column. */
    static String trytes(ResultSet rs, int at) throws SQLException {
        return new TransactionRow(null, rs.getBytes(at), rs.getBytes(at + 1), rs.getBytes(at + 2), rs.getBytes(at + 3),
                rs.getBytes(at + 4), rs.getBytes(at + 5), rs.getBytes(at + 6)).trytes();
    }

    /** The trytes of a stored transaction. */
    public Optional<String> trytes(String hash) throws SQLException {
        List<String> found = trytes(List.of(hash));
        return Optional.ofNullable(found.get(0));
    }

    /** The trytes for each hash in order; unknown hashes give {@code null}. */
    public List<String> trytes(List<String> hashes) throws SQLException {
        List<String> found = new ArrayList<>(hashes.size());
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + ROW + " FROM transactions WHERE hash = ?")) {
            for (String hash : hashes) {
                s.setBytes(1, TransactionRow.hash(hash));
                try (ResultSet rs = s.executeQuery()) {
                    found.add(rs.next() ? trytes(rs, 1) : null);
                }
            }
        }
        return found;
    }

    /**
     * Hashes of transactions whose column equals one of the values, at most {@code limit + 1} so a
     * caller can tell that the limit was exceeded.
     */
    public Set<String> hashesWhere(Column column, Collection<String> values, int limit) throws SQLException {
        Set<String> hashes = new LinkedHashSet<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT hash FROM transactions WHERE " + column.sql + " = ? LIMIT ?")) {
            for (String value : values) {
                s.setBytes(1, PackedTrits.pack(value));
                s.setInt(2, limit + 1 - hashes.size());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        hashes.add(TransactionRow.hash(rs.getBytes(1)));
                    }
                }
                if (hashes.size() > limit) {
                    break;
                }
            }
        }
        return hashes;
    }

    /** Unapproved transactions, newest first. */
    public List<String> tips(int limit) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT hash FROM transactions WHERE approvers = 0 ORDER BY id DESC LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(TransactionRow.hash(rs.getBytes(1)));
                }
            }
        }
        return found;
    }

    /** Unapproved tails, newest first: the candidates of tip selection. */
    public List<Candidate> tipCandidates(int limit) throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT hash, bundle, bundle_validity FROM transactions WHERE approvers = 0 AND tail "
                        + "ORDER BY id DESC LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    candidates.add(new Candidate(TransactionRow.hash(rs.getBytes(1)), TransactionRow.hash(rs.getBytes(2)),
                            rs.getInt(3)));
                }
            }
        }
        return candidates;
    }

    public long tipCount() throws SQLException {
        return count("SELECT COUNT(*) FROM transactions WHERE approvers = 0");
    }

    public long transactionCount() throws SQLException {
        return count("SELECT COUNT(*) FROM transactions");
    }

    /** Direct approvers of a stored transaction, or -1 when it is unknown. */
    public int approvers(String hash) throws SQLException {
        return intByHash("SELECT approvers FROM transactions WHERE hash = ?", hash, -1);
    }

    /** A stored transaction, parsed without re-hashing. */
    public Optional<NodeTransaction> transaction(String hash) throws SQLException {
        return trytes(hash).map(trytes -> NodeTransaction.stored(trytes, hash));
    }

    /** The stored transactions of a bundle, at most {@code limit}. */
    public List<NodeTransaction> bundleTransactions(String bundle, int limit) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT hash, " + ROW + " FROM transactions WHERE bundle = ? LIMIT ?")) {
            s.setBytes(1, TransactionRow.hash(bundle));
            s.setInt(2, limit);
            List<NodeTransaction> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(NodeTransaction.stored(trytes(rs, 2), TransactionRow.hash(rs.getBytes(1))));
                }
            }
            return found;
        }
    }

    /** The remembered verdict of a tail: 1 valid, -1 invalid, 0 not known (or not stored). */
    public int bundleValidity(String hash) throws SQLException {
        return intByHash("SELECT bundle_validity FROM transactions WHERE hash = ?", hash, 0);
    }

    /** Remembers a definite bundle verdict on the tail (1 valid, -1 invalid); 0 means not yet known. */
    public void markBundleValidity(String tailHash, int validity) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE transactions SET bundle_validity = ? WHERE hash = ?")) {
            s.setInt(1, validity);
            s.setBytes(2, TransactionRow.hash(tailHash));
            s.executeUpdate();
        }
    }

    /** True when a stored transaction takes value from the address (a negative value). */
    public boolean spentFrom(String address) throws SQLException {
        return intByHash("SELECT 1 FROM transactions WHERE address = ? AND tx_value < 0 LIMIT 1", address, 0) == 1;
    }

    /** True when the hash is a pruned transaction that kept ones approve: solid, as the null hash is. */
    public boolean isEntryPoint(String hash) throws SQLException {
        return intByHash("SELECT 1 FROM entry_points WHERE hash = ?", hash, 0) == 1;
    }

    /** Size of the database file in bytes, between compactions (one in progress is briefly larger, see {@link FileCompaction}). */
    public synchronized long sizeInBytes() {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /**
     * Gives the space of deleted and rewritten pages back to the disk, for at most {@code maxMillis};
     * stores wait meanwhile. See {@link FileCompaction}. Runs after each retention run, when the file has
     * grown by a quarter since the last one, and at close.
     */
    public synchronized void compact(int maxMillis) throws SQLException {
        try (Connection c = pool.getConnection()) {
            FileCompaction.compact(c, maxMillis);
        }
        compaction.compacted(sizeInBytes());
    }

    private int intByHash(String sql, String hash, int missing) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setBytes(1, TransactionRow.hash(hash));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : missing;
            }
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return count(c, sql);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Compacts for at most {@link #CLOSE_COMPACT_MILLIS}, then closes the database. */
    @Override
    public void close() {
        compaction.close();
        try {
            compact(CLOSE_COMPACT_MILLIS);
        } catch (SQLException | RuntimeException e) {
            // the file is consistent without it: compaction only gives space back
        }
        // closing the pool's connections closes the database (DB_CLOSE_DELAY 0), which writes it
        pool.dispose();
    }

    /**
     * The indexed columns findTransactions searches. OBSOLETE_TAG holds only obsolete tags that differ
     * from the tag (null otherwise), so it finds exactly what a full column would when searched only
     * after the tag found nothing, as findTransactions does.
     */
    public enum Column {
        ADDRESS("address"), BUNDLE("bundle"), TAG("tag"), OBSOLETE_TAG("obsolete_tag"), TRUNK("trunk"), BRANCH("branch");

        private final String sql;

        Column(String sql) {
            this.sql = sql;
        }
    }

    /** An unapproved tail and what is known about its bundle. */
    public record Candidate(String hash, String bundle, int bundleValidity) {
    }
}
