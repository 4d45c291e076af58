package org.p1iota.app.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.jdbc.JdbcConnection;

/** Compaction of the node's open H2 database; the caller holds the store's lock. See docs/node.md, "Storage". */
final class FileCompaction {

    /** Chunks less full than this (percent) have their live pages rewritten by a compaction, ... */
    private static final int REWRITE_FILL_RATE = 90;
    /** ... at most this many bytes of them per pass. */
    private static final int REWRITE_BYTES = 64 << 20;

    private FileCompaction() {
    }

    /**
     * Rewrites the live pages of sparse chunks, moves chunks to the start of the file and truncates
     * it, for at most {@code maxMillis}. H2 does this fully only at {@code SHUTDOWN COMPACT}; a node
     * that runs for months never shuts down, so this calls MVStore's compaction on the open database
     * (H2's engine API: there is no SQL statement for it). Each pass starts from a fsynced state, so
     * freed space may be reused at once. H2's background writer is paused meanwhile, so no other
     * chunk is written while chunks move; it is not needed for durability, since every store ends
     * with a checkpoint of its own.
     */
    static void compact(Connection c, Path file, int maxMillis) throws SQLException {
        try (Statement s = c.createStatement()) {
            org.h2.engine.SessionLocal session = (org.h2.engine.SessionLocal) c.unwrap(JdbcConnection.class).getSession();
            org.h2.mvstore.MVStore mvStore = session.getDatabase().getStore().getMvStore();
            int writeDelay = mvStore.getAutoCommitDelay();
            mvStore.setAutoCommitDelay(0);
            try {
                // a pass rewrites sparse chunks, moves chunks down and truncates; what it freed is moved by the next
                long deadline = System.currentTimeMillis() + maxMillis;
                long before = Long.MAX_VALUE;
                for (int pass = 0; pass < 8 && size(file) < before && System.currentTimeMillis() < deadline; pass++) {
                    before = size(file);
                    mvStore.compact(REWRITE_FILL_RATE, REWRITE_BYTES); // rewrite the live pages of sparse chunks
                    s.execute("CHECKPOINT SYNC");
                    mvStore.compactFile((int) Math.max(1, Math.min(maxMillis / 2, deadline - System.currentTimeMillis())));
                }
            } finally {
                mvStore.setAutoCommitDelay(writeDelay);
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
