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
 * The tangle in an embedded H2 database: one row per transaction with its trytes (packed, see
 * {@link PackedTrytes}), indexed by
 * address, bundle, tag, obsolete tag, trunk and branch, and a count of direct approvers so that tips
 * (approvers = 0) are an index range, not a scan. Nothing is cached in the JVM beyond H2's own
 * bounded page cache; every query has a limit.
 * <p>
 * Durability: H2 2.x (MVStore) acknowledges a commit before the change is in the file; its background
 * writer persists it up to WRITE_DELAY later. A store therefore ends with {@code CHECKPOINT} (flush
 * to the file: survives kill -9) or {@code CHECKPOINT SYNC} (also fsync: survives power loss) before
 * it returns, and the HTTP reply is only sent after that.
 */
public final class TangleStore implements AutoCloseable {

    private static final String COLUMNS = "hash, trytes, address, bundle, tag, obsolete_tag, trunk, branch, "
            + "current_index, last_index, tx_value, arrival, approvers";

    private final JdbcConnectionPool pool;
    private final Path file;
    private final String checkpoint;

    public TangleStore(Path directory, boolean syncOnCommit) throws SQLException {
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the node's data directory " + directory + ": " + e.getMessage(), e);
        }
        this.file = directory.toAbsolutePath().resolve("tangle.mv.db");
        this.checkpoint = syncOnCommit ? "CHECKPOINT SYNC" : "CHECKPOINT";
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("tangle") + ";DB_CLOSE_ON_EXIT=FALSE";
        this.pool = JdbcConnectionPool.create(url, "node", "");
        pool.setMaxConnections(16);
        createSchema();
    }

    private void createSchema() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS tx (hash CHAR(81) PRIMARY KEY, trytes VARBINARY(1782) NOT NULL, "
                    + "address CHAR(81) NOT NULL, bundle CHAR(81) NOT NULL, tag CHAR(27) NOT NULL, "
                    + "obsolete_tag CHAR(27) NOT NULL, trunk CHAR(81) NOT NULL, branch CHAR(81) NOT NULL, "
                    + "current_index BIGINT NOT NULL, last_index BIGINT NOT NULL, tx_value BIGINT NOT NULL, "
                    + "arrival BIGINT NOT NULL, approvers INT NOT NULL, bundle_validity TINYINT DEFAULT 0 NOT NULL)");
            for (String column : List.of("address", "bundle", "tag", "obsolete_tag", "trunk", "branch")) {
                s.execute("CREATE INDEX IF NOT EXISTS tx_" + column + " ON tx(" + column + ")");
            }
            s.execute("CREATE INDEX IF NOT EXISTS tx_tips ON tx(approvers, arrival)");
        }
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
        int added = 0;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM tx WHERE hash = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO tx (" + COLUMNS
                         + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement approve = c.prepareStatement(
                         "UPDATE tx SET approvers = approvers + 1 WHERE hash IN (?, ?)");
                 PreparedStatement approvers = c.prepareStatement("SELECT COUNT(*) FROM (SELECT hash FROM tx WHERE "
                         + "trunk = ? UNION SELECT hash FROM tx WHERE branch = ?)")) {
                for (NodeTransaction t : unique.values()) {
                    if (NodeTransaction.NULL_HASH.equals(t.hash()) || exists(exists, t.hash())) {
                        continue;
                    }
                    insertRow(insert, t, countApprovers(approvers, t.hash()));
                    approve.setString(1, t.trunk());
                    approve.setString(2, t.branch());
                    approve.executeUpdate();
                    added++;
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            if (added > 0) {
                try (Statement s = c.createStatement()) {
                    s.execute(checkpoint);
                }
            }
        }
        return added;
    }

    private static boolean exists(PreparedStatement exists, String hash) throws SQLException {
        exists.setString(1, hash);
        try (ResultSet rs = exists.executeQuery()) {
            return rs.next();
        }
    }

    private static int countApprovers(PreparedStatement approvers, String hash) throws SQLException {
        approvers.setString(1, hash);
        approvers.setString(2, hash);
        try (ResultSet rs = approvers.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void insertRow(PreparedStatement insert, NodeTransaction t, int approvers) throws SQLException {
        insert.setString(1, t.hash());
        insert.setBytes(2, PackedTrytes.pack(t.trytes()));
        insert.setString(3, t.address());
        insert.setString(4, t.bundle());
        insert.setString(5, t.tag());
        insert.setString(6, t.obsoleteTag());
        insert.setString(7, t.trunk());
        insert.setString(8, t.branch());
        insert.setLong(9, t.currentIndex());
        insert.setLong(10, t.lastIndex());
        insert.setLong(11, t.value());
        insert.setLong(12, System.currentTimeMillis());
        insert.setInt(13, approvers);
        insert.executeUpdate();
    }

    /** The trytes of a stored transaction. */
    public Optional<String> trytes(String hash) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT trytes FROM tx WHERE hash = ?")) {
            s.setString(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(PackedTrytes.unpack(rs.getBytes(1))) : Optional.empty();
            }
        }
    }

    /** The trytes for each hash in order; unknown hashes give {@code null}. */
    public List<String> trytes(List<String> hashes) throws SQLException {
        List<String> found = new ArrayList<>(hashes.size());
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT trytes FROM tx WHERE hash = ?")) {
            for (String hash : hashes) {
                s.setString(1, hash);
                try (ResultSet rs = s.executeQuery()) {
                    found.add(rs.next() ? PackedTrytes.unpack(rs.getBytes(1)) : null);
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
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT hash FROM tx WHERE " + column.sql + " = ? LIMIT ?")) {
            for (String value : values) {
                s.setString(1, value);
                s.setInt(2, limit + 1 - hashes.size());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        hashes.add(rs.getString(1));
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
        return hashes("SELECT hash FROM tx WHERE approvers = 0 ORDER BY arrival DESC LIMIT ?", limit);
    }

    /** Unapproved tails, newest first: the candidates of tip selection. */
    public List<Candidate> tipCandidates(int limit) throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT hash, bundle, bundle_validity FROM tx WHERE approvers = 0 AND current_index = 0 "
                        + "ORDER BY arrival DESC LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    candidates.add(new Candidate(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
        }
        return candidates;
    }

    public long tipCount() throws SQLException {
        return count("SELECT COUNT(*) FROM tx WHERE approvers = 0");
    }

    public long transactionCount() throws SQLException {
        return count("SELECT COUNT(*) FROM tx");
    }

    /** Direct approvers of a stored transaction, or -1 when it is unknown. */
    public int approvers(String hash) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT approvers FROM tx WHERE hash = ?")) {
            s.setString(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    /** A stored transaction, parsed without re-hashing. */
    public Optional<NodeTransaction> transaction(String hash) throws SQLException {
        return trytes(hash).map(trytes -> NodeTransaction.stored(trytes, hash));
    }

    /** The stored transactions of a bundle, at most {@code limit}. */
    public List<NodeTransaction> bundleTransactions(String bundle, int limit) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT hash, trytes FROM tx WHERE bundle = ? LIMIT ?")) {
            s.setString(1, bundle);
            s.setInt(2, limit);
            List<NodeTransaction> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(NodeTransaction.stored(PackedTrytes.unpack(rs.getBytes(2)), rs.getString(1)));
                }
            }
            return found;
        }
    }

    /** The remembered verdict of a tail: 1 valid, -1 invalid, 0 not known (or not stored). */
    public int bundleValidity(String hash) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT bundle_validity FROM tx WHERE hash = ?")) {
            s.setString(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Remembers a definite bundle verdict on the tail (1 valid, -1 invalid); 0 means not yet known. */
    public void markBundleValidity(String tailHash, int validity) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE tx SET bundle_validity = ? WHERE hash = ?")) {
            s.setInt(1, validity);
            s.setString(2, tailHash);
            s.executeUpdate();
        }
    }

    /** True when a stored transaction takes value from the address (a negative value). */
    public boolean spentFrom(String address) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM tx WHERE address = ? AND tx_value < 0 LIMIT 1")) {
            s.setString(1, address);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Size of the database file in bytes. */
    public long sizeInBytes() {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private List<String> hashes(String sql, int limit) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        // closing the pool's connections closes the database (DB_CLOSE_DELAY 0), which writes and compacts it
        pool.dispose();
    }

    /** The indexed columns findTransactions searches. */
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
