package org.p1iota.app.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Bytes on disk per stored transaction: every file under the node's data directory (the database and
 * anything H2 keeps beside it) divided by the transactions stored. A household-day at 1 Hz is this times
 * the transactions per telegram times 86,400 (docs/node.md, "Storage").
 *
 * @param bytes        bytes of all files under the data directory
 * @param transactions transactions the node holds
 */
record NodeDiskUsage(long bytes, long transactions) {

    static NodeDiskUsage measure(Path dataDirectory, long transactions) throws IOException {
        long bytes;
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        return new NodeDiskUsage(bytes, transactions);
    }

    double bytesPerTransaction() {
        return transactions == 0 ? 0 : (double) bytes / transactions;
    }

    String describe(String when) {
        return String.format("disk %s: %,d bytes for %,d transactions = %,.0f bytes/tx (packed transaction: 1,604 bytes)",
                when, bytes, transactions, bytesPerTransaction());
    }
}
