package org.p1iota.app.myhome.energy;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readings of the household's own meters ({@link EnergyDatabase}): stored once per (device,
 * telegram sequence), read back as rows for the live view and CSV, and as the spread of each meter
 * total within a time span (what a meter counted in that span) for the period tables and charts.
 */
public final class EnergyStore {

    /** The columns of a row, in the order of {@link #ROW_COLUMNS}. */
    public static final List<String> ROW_HEADER = List.of("timestamp", "importT1Kwh", "importT2Kwh", "exportT1Kwh",
            "exportT2Kwh", "powerImportW", "powerExportW", "l1ImportW", "l2ImportW", "l3ImportW", "l1ExportW", "l2ExportW",
            "l3ExportW", "l1Voltage", "l2Voltage", "l3Voltage", "l1Current", "l2Current", "l3Current", "gasM3", "tariff");
    private static final String ROW_COLUMNS = "at_s, import_t1, import_t2, export_t1, export_t2, power_import_w, power_export_w,"
            + " l1_import_w, l2_import_w, l3_import_w, l1_export_w, l2_export_w, l3_export_w, l1_voltage, l2_voltage, l3_voltage,"
            + " l1_current, l2_current, l3_current, gas_m3, tariff";

    /** What the meter totals grew by in a span; null where the meter sent no such total. */
    public record Usage(long fromS, long toS, BigDecimal importT1, BigDecimal importT2, BigDecimal exportT1,
            BigDecimal exportT2, BigDecimal gas, int readings) {
    }

    /** What a meter says about itself, and when it last spoke. */
    public record MeterInfo(String device, String header, String p1Version, String equipmentId, String gasEquipmentId,
            Long lastReadingS) {
    }

    private final EnergyDatabase database;

    public EnergyStore(EnergyDatabase database) {
        this.database = database;
    }

    public EnergyDatabase database() {
        return database;
    }

    /** Stores the readings not stored yet; returns how many were new. */
    public int store(List<MeterReading> readings) throws SQLException {
        if (readings.isEmpty()) {
            return 0;
        }
        return database.transaction(connection -> {
            int added = 0;
            try (PreparedStatement insert = connection.prepareStatement("MERGE INTO meter_reading (device, sequence, " + ROW_COLUMNS
                    + ") KEY (device, sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement exists = connection.prepareStatement(
                            "SELECT 1 FROM meter_reading WHERE device = ? AND sequence = ?")) {
                for (MeterReading r : readings) {
                    exists.setString(1, r.device());
                    exists.setLong(2, r.sequence());
                    try (ResultSet found = exists.executeQuery()) {
                        if (found.next()) {
                            continue;
                        }
                    }
                    int i = 1;
                    insert.setString(i++, r.device());
                    insert.setLong(i++, r.sequence());
                    insert.setLong(i++, r.at().getEpochSecond());
                    for (BigDecimal value : new BigDecimal[] {r.importT1(), r.importT2(), r.exportT1(), r.exportT2()}) {
                        insert.setBigDecimal(i++, value);
                    }
                    i = setInt(insert, i, r.powerImportW());
                    i = setInt(insert, i, r.powerExportW());
                    for (Integer value : r.phaseImportW()) {
                        i = setInt(insert, i, value);
                    }
                    for (Integer value : r.phaseExportW()) {
                        i = setInt(insert, i, value);
                    }
                    for (BigDecimal value : r.voltage()) {
                        insert.setBigDecimal(i++, value);
                    }
                    for (BigDecimal value : r.current()) {
                        insert.setBigDecimal(i++, value);
                    }
                    insert.setBigDecimal(i++, r.gasM3());
                    setInt(insert, i, r.tariff());
                    insert.executeUpdate();
                    added++;
                }
            }
            MeterReading last = readings.get(readings.size() - 1);
            try (PreparedStatement meter = connection.prepareStatement("MERGE INTO meter (device, header, p1_version, equipment_id,"
                    + " gas_equipment_id, last_reading_s) KEY (device) VALUES (?, ?, ?, ?, ?, ?)")) {
                meter.setString(1, last.device());
                meter.setString(2, last.header());
                meter.setString(3, last.p1Version());
                meter.setString(4, last.equipmentId());
                meter.setString(5, last.gasEquipmentId());
                meter.setLong(6, readings.stream().mapToLong(r -> r.at().getEpochSecond()).max().orElse(0));
                meter.executeUpdate();
            }
            return added;
        });
    }

    private static int setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
        return index + 1;
    }

    public Optional<MeterInfo> meter(String device) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT header, p1_version, equipment_id, gas_equipment_id,"
                    + " last_reading_s FROM meter WHERE device = ?")) {
                query.setString(1, device);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    long last = row.getLong(5);
                    return Optional.of(new MeterInfo(device, row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.wasNull() ? null : last));
                }
            }
        });
    }

    /** Rows of {@link #ROW_HEADER} within [from, to), oldest first, at most {@code limit}. */
    public List<List<Object>> rows(String device, Instant from, Instant to, int limit) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + ROW_COLUMNS + " FROM meter_reading"
                    + " WHERE device = ? AND at_s >= ? AND at_s < ? ORDER BY at_s, sequence LIMIT ?")) {
                query.setString(1, device);
                query.setLong(2, from.getEpochSecond());
                query.setLong(3, to.getEpochSecond());
                query.setInt(4, limit);
                return readRows(query);
            }
        });
    }

    /** The last {@code count} rows, oldest first. */
    public List<List<Object>> latest(String device, int count) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT * FROM (SELECT " + ROW_COLUMNS + ", sequence"
                    + " FROM meter_reading WHERE device = ? ORDER BY at_s DESC, sequence DESC LIMIT ?) ORDER BY at_s, sequence")) {
                query.setString(1, device);
                query.setInt(2, count);
                return readRows(query);
            }
        });
    }

    private static List<List<Object>> readRows(PreparedStatement query) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                List<Object> cells = new ArrayList<>(ROW_HEADER.size());
                cells.add(Instant.ofEpochSecond(row.getLong(1)).toString());
                for (int i = 2; i <= ROW_HEADER.size(); i++) {
                    Object value = row.getObject(i);
                    cells.add(value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value);
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** What the meter counted within each span [bounds[i], bounds[i+1]) (epoch seconds). */
    public List<Usage> usage(String device, long[] bounds) throws SQLException {
        return database.transaction(connection -> {
            List<Usage> spans = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT MAX(import_t1) - MIN(import_t1),"
                    + " MAX(import_t2) - MIN(import_t2), MAX(export_t1) - MIN(export_t1), MAX(export_t2) - MIN(export_t2),"
                    + " MAX(gas_m3) - MIN(gas_m3), COUNT(*) FROM meter_reading WHERE device = ? AND at_s >= ? AND at_s < ?")) {
                for (int i = 0; i + 1 < bounds.length; i++) {
                    spans.add(usage(query, device, bounds[i], bounds[i + 1]));
                }
            }
            return spans;
        });
    }

    private static Usage usage(PreparedStatement query, String device, long from, long to) throws SQLException {
        query.setString(1, device);
        query.setLong(2, from);
        query.setLong(3, to);
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return new Usage(from, to, row.getBigDecimal(1), row.getBigDecimal(2), row.getBigDecimal(3), row.getBigDecimal(4),
                    row.getBigDecimal(5), row.getInt(6));
        }
    }

    /** Import (kWh, both tariffs) counted per UTC hour within [from, to): hour start (epoch s) to kWh. */
    public Map<Long, BigDecimal> importPerHour(String device, long from, long to) throws SQLException {
        return database.transaction(connection -> {
            Map<Long, BigDecimal> hours = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT at_s / 3600 AS h,"
                    + " COALESCE(MAX(import_t1) - MIN(import_t1), 0) + COALESCE(MAX(import_t2) - MIN(import_t2), 0)"
                    + " FROM meter_reading WHERE device = ? AND at_s >= ? AND at_s < ? GROUP BY h ORDER BY h")) {
                query.setString(1, device);
                query.setLong(2, from);
                query.setLong(3, to);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        hours.put(row.getLong(1) * 3600, row.getBigDecimal(2));
                    }
                }
            }
            return hours;
        });
    }

    /**
     * Keeps one reading per {@code bucketSeconds} of everything older than {@code before}: totals stay
     * exact at the kept readings, the per-second detail goes. Returns the rows removed.
     */
    public int downsample(Instant before, long bucketSeconds) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM meter_reading r WHERE r.at_s < ? AND EXISTS ("
                    + "SELECT 1 FROM meter_reading o WHERE o.device = r.device AND o.at_s < ? AND o.at_s / ? = r.at_s / ?"
                    + " AND (o.at_s < r.at_s OR (o.at_s = r.at_s AND o.sequence < r.sequence)))")) {
                delete.setLong(1, before.getEpochSecond());
                delete.setLong(2, before.getEpochSecond());
                delete.setLong(3, bucketSeconds);
                delete.setLong(4, bucketSeconds);
                return delete.executeUpdate();
            }
        });
    }

    public long count(String device) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM meter_reading WHERE device = ?")) {
                query.setString(1, device);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** The channels My Home follows: policy id to device, for the own grants whose keys arrived. */
    public boolean following(String policyId) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM own_channel WHERE policy_id = ?")) {
                query.setString(1, policyId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    public void follow(String policyId, String device, Instant since) throws SQLException {
        database.transaction(connection -> {
            try (PreparedStatement merge = connection.prepareStatement(
                    "MERGE INTO own_channel (policy_id, device, state, since_s) KEY (policy_id) VALUES (?, ?, 'following', ?)")) {
                merge.setString(1, policyId);
                merge.setString(2, device);
                merge.setLong(3, since.getEpochSecond());
                return merge.executeUpdate();
            }
        });
    }
}
