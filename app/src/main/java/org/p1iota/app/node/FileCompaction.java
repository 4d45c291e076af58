package org.p1iota.app.node;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.jdbc.JdbcConnection;

/** Compaction of the node's open H2 database; the caller holds the store's lock. See docs/node.md, "Storage". */
final class FileCompaction {

    private FileCompaction() {
    }

    /**
     * Moves chunks to the start of the file and truncates it, for at most {@code maxMillis}. H2 does this fully only at {@code SHUTDOWN COMPACT}; a node
     * that runs for months never shuts down, so this calls MVStore's compaction on the open database
     * (H2's engine API: there is no SQL statement for it). Each pass starts from an fsynced state, so
     * freed space may be reused at once. H2's background writer is paused meanwhile, so no other
     * chunk is written while chunks move; it is not needed for durability, since every store ends
     * with a checkpoint of its own.
     */
    static void compact(Connection c, int maxMillis) throws SQLException {
        try (Statement s = c.createStatement()) {
            org.h2.engine.SessionLocal session = (org.h2.engine.SessionLocal) c.unwrap(JdbcConnection.class).getSession();
            org.h2.mvstore.MVStore mvStore = session.getDatabase().getStore().getMvStore();
            int writeDelay = mvStore.getAutoCommitDelay();
            mvStore.setAutoCommitDelay(0);
            try {
                // the first pass frees what the second moves down; measured: one pass leaves the file as it was
                for (int pass = 0; pass < 2; pass++) {
                    s.execute("CHECKPOINT SYNC");
                    mvStore.compactFile(maxMillis / 2);
                }
            } finally {
                mvStore.setAutoCommitDelay(writeDelay);
            }
        }
    }
}
