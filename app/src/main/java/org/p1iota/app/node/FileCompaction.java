package org.p1iota.app.node;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the node's H2 file near the size of its live data (docs/node.md, "Storage").
 * <p>
 * Why: H2's MVStore writes every commit as a new chunk at the end of the file, holding the changed
 * pages of the row and of every index it touched (a transaction's hash, trunk and branch fall into
 * random leaves), and an old chunk is reused only when all of its pages are dead. Each store ends with
 * a checkpoint of its own (crash safety), so a household's node wrote ~30-50 KB per stored transaction
 * that stayed on disk (measured: 22 KB per transaction on the whole system, 49 KB per one-transaction
 * commit in {@code NodeDiskBoundTest}), against ~2 KB of live data. H2's background housekeeping
 * does not keep up while commits keep coming, and gives space back fully only at shutdown.
 * <p>
 * So after each store the file's size is compared with its size after the last compaction (which is
 * close to the live data): once it has grown by {@value #GROWTH_PERCENT} % (at least
 * {@value #MIN_GROWTH_BYTES} bytes) the file is compacted on a background thread, in bounded time,
 * while stores wait. Measured: 20-300 ms for a file of a few MB, every few one-transaction commits
 * while the file is small; the file then stays within 1.25 times its live data (plus the margin). A compaction
 * that could not finish in its time raises the next threshold with it, so it never runs back to back;
 * the retention run, with its longer time, finishes it.
 */
final class FileCompaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileCompaction.class);
    /** Growth over the last compacted size that starts a compaction: bounds the file to 1.25 x live data. */
    static final int GROWTH_PERCENT = 25;
    /**
     * At least this much growth (two or three one-transaction commits), so that a small file is not compacted at every
     * store. Small on purpose: at 1 Hz a household adds ~40 KB of live data an hour, and a larger margin would be most of
     * the file for the first days (measured with 256 KB: 1,017 bytes per telegram over 5 minutes at 1 Hz, 88 MB a day).
     */
    static final long MIN_GROWTH_BYTES = 64 * 1024;
    /** Longest a compaction started by growth holds up stores. */
    static final int GROWTH_COMPACT_MILLIS = 2_000;
    /** Chunks with less live data than this (percent) are rewritten; H2's own default ({@code AUTO_COMPACT_FILL_RATE}). */
    private static final int REWRITE_BELOW_FILL_RATE = 90;
    /**
     * Bytes one round rewrites and moves at most (as H2's compactFile). A round first appends the live pages of sparse
     * chunks at the end of the file and only then moves chunks down, so the file is briefly larger (measured: 5.5 MB in
     * the middle of compacting a 3 MB file); {@link TangleStore#sizeInBytes} reports the size between compactions.
     * Measured with 1 MB rounds instead: rounds often rewrote nothing and the file grew to 7 KB/tx.
     */
    private static final int PASS_BYTES = 16 * 1024 * 1024;
    /** Rounds at most, within the time given. */
    private static final int MAX_ROUNDS = 8;

    private final TangleStore store;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "node-compaction");
        thread.setDaemon(true);
        return thread;
    });
    /** File size after the last compaction (the live data and what that compaction could not give back). */
    private volatile long compactedSize;

    FileCompaction(TangleStore store) {
        this.store = store;
        this.compactedSize = store.sizeInBytes();
    }

    /** True once the file has grown past the threshold above its last compacted size. */
    boolean due(long size) {
        long base = compactedSize;
        return size > Math.max(base + base * GROWTH_PERCENT / 100, base + MIN_GROWTH_BYTES);
    }

    /** Called after each store: queues one compaction when the file has grown enough (never more than one waits). */
    void afterStore() {
        if (due(store.sizeInBytes()) && queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::compactNow);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                queued.set(false);
            }
        }
    }

    private void compactNow() {
        try {
            long before = store.sizeInBytes();
            long started = System.nanoTime();
            store.compact(GROWTH_COMPACT_MILLIS);
            LOG.debug("node database compacted after growth: {} -> {} bytes in {} ms", before, compactedSize,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            compactedSize = store.sizeInBytes(); // the next try after another quarter of growth, not at every store
            LOG.warn("node database compaction failed (the data is intact; tried again after further growth): {}", e.toString());
        } finally {
            queued.set(false);
        }
    }

    /** Records the size a compaction left (the store calls it, holding its lock). */
    void compacted(long size) {
        compactedSize = size;
    }

    /**
     * Rewrites sparse chunks and moves chunks to the start of the file, then truncates it, for about
     * {@code maxMillis}; the caller holds the store's lock. H2 does this fully only at
     * {@code SHUTDOWN COMPACT}; a node that runs for months never shuts down, so this calls MVStore's
     * compaction on the open database (H2's engine API: there is no SQL statement for it). H2's own
     * {@code MVStore.compactFile} moves chunks only in a round that also rewrote some, so a rewrite
     * whose old chunks were not yet free left the file larger (measured: +40 % in one of ~8 runs);
     * here each round rewrites (at most {@value #PASS_BYTES} bytes), makes that durable and frees
     * what it replaced ({@code CHECKPOINT SYNC}), then moves chunks down, until a round rewrites
     * nothing or the time is up. Retention time 0 (as {@code compactFile} sets too) lets freed space be
     * reused at once: every round starts from an fsynced state. H2's background writer is paused
     * meanwhile; it is not needed for durability, since every store ends with a checkpoint of its own.
     */
    static void compact(Connection c, int maxMillis) throws SQLException {
        try (Statement s = c.createStatement()) {
            org.h2.engine.SessionLocal session = (org.h2.engine.SessionLocal) c.unwrap(JdbcConnection.class).getSession();
            MVStore mvStore = session.getDatabase().getStore().getMvStore();
            FileStore<?> file = mvStore.getFileStore();
            int writeDelay = mvStore.getAutoCommitDelay();
            mvStore.setAutoCommitDelay(0);
            mvStore.setRetentionTime(0);
            long deadline = System.nanoTime() + maxMillis * 1_000_000L;
            try {
                for (int round = 0; round < MAX_ROUNDS && System.nanoTime() < deadline; round++) {
                    s.execute("CHECKPOINT SYNC");
                    boolean rewrote = file.compact(REWRITE_BELOW_FILL_RATE, PASS_BYTES);
                    s.execute("CHECKPOINT SYNC");
                    if (file instanceof RandomAccessStore store) {
                        store.compactMoveChunks(100, PASS_BYTES, mvStore);
                    }
                    if (!rewrote) {
                        break;
                    }
                }
            } finally {
                mvStore.setAutoCommitDelay(writeDelay);
            }
        }
    }

    /** Waits for a queued compaction (no interrupt: an interrupted thread makes H2 close its file). */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(GROWTH_COMPACT_MILLIS + 5_000L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
