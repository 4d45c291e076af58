package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.RunningNode;

/** A data directory written by the first schema (table TX, hashes as text) is migrated on start. */
class NodeMigrationTest {

    private static final int MWM = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void migratesTheFirstSchemaOnStart() throws Exception {
        String tag = TestTransactions.tag("MIGRATE");
        List<String> trytes = TestTransactions.attachedMany(4, tag, MWM);
        List<String> hashes = trytes.stream().map(TestTransactions::hash).toList();
        writeFirstSchema(data.resolve("node"), trytes);

        try (RunningNode node = RunningNode.start(data, MWM)) {
            JsonNode found = JSON.readTree(node.post(JSON.writeValueAsString(
                    Map.of("command", "findTransactions", "tags", List.of(tag)))).body());
            assertThat(found.get("hashes")).hasSize(4);
            JsonNode read = JSON.readTree(node.post(JSON.writeValueAsString(
                    Map.of("command", "getTrytes", "hashes", hashes))).body());
            for (int i = 0; i < trytes.size(); i++) {
                assertThat(read.get("trytes").get(i).asText()).isEqualTo(trytes.get(i));
            }
            JsonNode info = JSON.readTree(node.post("{\"command\":\"getNodeInfo\"}").body());
            assertThat(info.get("storedTransactions").asLong()).isEqualTo(4);
            assertThat(info.get("tips").asLong()).isEqualTo(4);
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("node").resolve("tangle"), "node", "");
             var tables = c.getMetaData().getTables(null, "PUBLIC", "TX", null)) {
            assertThat(tables.next()).as("the old table is dropped").isFalse();
        }
    }

    /** The first schema, as TangleStore created it before the compact layout. */
    private static void writeFirstSchema(Path directory, List<String> trytes) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("tangle"), "node", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tx (hash CHAR(81) PRIMARY KEY, trytes VARBINARY(1782) NOT NULL, "
                    + "address CHAR(81) NOT NULL, bundle CHAR(81) NOT NULL, tag CHAR(27) NOT NULL, "
                    + "obsolete_tag CHAR(27) NOT NULL, trunk CHAR(81) NOT NULL, branch CHAR(81) NOT NULL, "
                    + "current_index BIGINT NOT NULL, last_index BIGINT NOT NULL, tx_value BIGINT NOT NULL, "
                    + "arrival BIGINT NOT NULL, approvers INT NOT NULL, bundle_validity TINYINT DEFAULT 0 NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tx VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                long arrival = System.currentTimeMillis();
                for (String t : trytes) {
                    NodeTransaction tx = NodeTransaction.parse(t);
                    insert.setString(1, tx.hash());
                    insert.setBytes(2, PackedTrytes.pack(t));
                    insert.setString(3, tx.address());
                    insert.setString(4, tx.bundle());
                    insert.setString(5, tx.tag());
                    insert.setString(6, tx.obsoleteTag());
                    insert.setString(7, tx.trunk());
                    insert.setString(8, tx.branch());
                    insert.setLong(9, tx.currentIndex());
                    insert.setLong(10, tx.lastIndex());
                    insert.setLong(11, tx.value());
                    insert.setLong(12, arrival++);
                    insert.setInt(13, 0);
                    insert.executeUpdate();
                }
            }
        }
    }
}
