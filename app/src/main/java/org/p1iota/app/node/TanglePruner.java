package org.p1iota.app.node;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention, as IRI's local snapshots with pruning: every {@code interval}, transactions that arrived
 * more than {@code retention} ago (zero: none) are deleted, oldest first, {@value #BATCH} per database transaction
 * (each batch holds the store's lock only briefly, so stores wait milliseconds, not minutes), and
 * the database file is then compacted so the space goes back to the disk.
 * <p>
 * A kept transaction may approve a pruned one. Such pruned hashes become entry points (IRI's solid
 * entry points): tip selection and checkConsistency treat them as solid and valid, like the null
 * hash, so that a tail whose trunk was pruned stays approvable. Entry points no kept transaction
 * approves any more are dropped. Pruned transactions are unknown to every API call afterwards
 * (getTrytes gives 9s, findTransactions no hit, getInclusionStates false), as on a pruned IRI.
 */
public final class TanglePruner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TanglePruner.class);
    static final int BATCH = 1_000;

    private final TangleStore store;
    private final Duration retention;
    private final int compactMillis;
    private final Clock clock;
    private volatile boolean stopping;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "node-pruner");
        thread.setDaemon(true);
        return thread;
    });

    public TanglePruner(TangleStore store, Duration retention, int compactMillis, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.compactMillis = compactMillis;
        this.clock = clock;
    }

    /** Prunes every {@code interval}, the first time one interval after the start; a failed run is logged and tried again at the next. */
    public TanglePruner start(Duration interval) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                prune();
            } catch (Exception e) {
                LOG.warn("node pruning failed, next try in {}: {}", interval, e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public Duration retention() {
        return retention;
    }

    /**
     * Deletes every transaction older than the retention (none when the retention is zero), then
     * compacts the file: also when nothing was pruned, since H2 itself gives space back to the disk
     * only at shutdown, and a burst of stores leaves rewritten pages behind.
     *
     * @return how many transactions were pruned
     */
    public long prune() throws SQLException {
        long pruned = 0;
        if (!retention.isZero()) {
            long cutoff = clock.millis() - retention.toMillis();
            int batch;
            do {
                synchronized (store) {
                    batch = pruneBatch(cutoff);
                }
                pruned += batch;
            } while (batch == BATCH && !stopping);
        }
        if (pruned > 0) {
            synchronized (store) {
                dropUnreferencedEntryPoints();
            }
        }
        long before = store.sizeInBytes();
        store.compact(compactMillis);
        if (pruned > 0) {
            LOG.info("node pruning: {} transactions that arrived over {} ago removed; database {} -> {} bytes", pruned,
                    retention, before, store.sizeInBytes());
        }
        return pruned;
    }

    /** Deletes up to {@value #BATCH} of the oldest rows that arrived before the cutoff, in one commit. */
    private int pruneBatch(long cutoff) throws SQLException {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            long first = -1;
            long last = -1;
            int count = 0;
            try (PreparedStatement oldest = c.prepareStatement(
                    "SELECT id, hash, arrival, approvers, bundle_validity FROM transactions ORDER BY id LIMIT " + BATCH);
                 PreparedStatement entry = c.prepareStatement("MERGE INTO entry_points (hash) KEY (hash) VALUES (?)");
                 ResultSet rs = oldest.executeQuery()) {
                while (rs.next() && rs.getLong(3) < cutoff) {
                    first = first < 0 ? rs.getLong(1) : first;
                    last = rs.getLong(1);
                    count++;
                    if (rs.getInt(4) > 0 && rs.getInt(5) >= 0) {
                        entry.setBytes(1, rs.getBytes(2));
                        entry.executeUpdate();
                    }
                }
            }
            if (count == 0) {
                return 0;
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM transactions WHERE id BETWEEN ? AND ?");
                 PreparedStatement counter = c.prepareStatement("MERGE INTO node_meta (name, val) KEY (name) VALUES (?, "
                         + "COALESCE((SELECT val FROM node_meta WHERE name = ?), 0) + ?)")) {
                delete.setLong(1, first);
                delete.setLong(2, last);
                delete.executeUpdate();
                counter.setString(1, TangleSchema.PRUNED);
                counter.setString(2, TangleSchema.PRUNED);
                counter.setLong(3, count);
                counter.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return count;
        }
    }

    private void dropUnreferencedEntryPoints() throws SQLException {
        try (Connection c = store.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM entry_points e WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.trunk = e.hash) "
                    + "AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.branch = e.hash)");
        }
    }

    /** Transactions pruned over the node's life. */
    public long prunedTransactions() throws SQLException {
        return store.count("SELECT val FROM node_meta WHERE name = '" + TangleSchema.PRUNED + "'");
    }

    /** Arrival (ms since 1970) of the oldest kept transaction, or 0 when there is none. */
    public long oldestArrival() throws SQLException {
        return store.count("SELECT arrival FROM transactions ORDER BY id LIMIT 1");
    }

    @Override
    public void close() {
        // no interrupt: an interrupted thread makes H2 close its file channel; the run stops between batches
        stopping = true;
        timer.shutdown();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
