package org.p1iota.app.provider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The reading table: one row per (household, telegram sequence); storing the same telegram twice adds nothing. */
public final class ReadingStore {

    private static final String COLUMNS = "household, sequence, measured_at, energy_import_t1, energy_import_t2, "
            + "energy_export_t1, energy_export_t2, power_import_w, power_export_w, gas_m3, gas_at, raw";

    private final ProviderDatabase database;

    public ReadingStore(ProviderDatabase database) {
        this.database = database;
    }

    /**
     * Stores the readings not stored yet, in one transaction, and moves the household's
     * {@code last_reading_at} forward.
     *
     * @return the readings that were new, in the given order
     */
    public List<StoredReading> store(List<StoredReading> readings) throws SQLException {
        return database.transaction(connection -> {
            List<StoredReading> added = new ArrayList<>();
            for (StoredReading reading : readings) {
                if (insertIfNew(connection, reading)) {
                    added.add(reading);
                }
            }
            for (StoredReading reading : added) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE household SET last_reading_at = ? "
                        + "WHERE id = ? AND (last_reading_at IS NULL OR last_reading_at < ?)")) {
                    update.setObject(1, ProviderDatabase.utc(reading.timestamp()));
                    update.setString(2, reading.household());
                    update.setObject(3, ProviderDatabase.utc(reading.timestamp()));
                    update.executeUpdate();
                }
            }
            return added;
        });
    }

    /**
     * Inserts unless the (household, sequence) is stored: PostgreSQL decides that in the insert itself
     * (ON CONFLICT DO NOTHING), so two instances reading one message during a failover store it once;
     * the embedded H2 file has one process, which checks first.
     */
    private boolean insertIfNew(Connection connection, StoredReading reading) throws SQLException {
        if (database.dialect() == ProviderDatabase.Dialect.POSTGRESQL) {
            return insert(connection, reading, " ON CONFLICT (household, sequence) DO NOTHING") == 1;
        }
        if (exists(connection, reading)) {
            return false;
        }
        insert(connection, reading, "");
        return true;
    }

    private static boolean exists(Connection connection, StoredReading reading) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM reading WHERE household = ? AND sequence = ?")) {
            query.setString(1, reading.household());
            query.setLong(2, reading.sequence());
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private static int insert(Connection connection, StoredReading r, String onConflict) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reading (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + onConflict)) {
            insert.setString(1, r.household());
            insert.setLong(2, r.sequence());
            insert.setObject(3, ProviderDatabase.utc(r.timestamp()));
            insert.setBigDecimal(4, r.energyImportTariff1());
            insert.setBigDecimal(5, r.energyImportTariff2());
            insert.setBigDecimal(6, r.energyExportTariff1());
            insert.setBigDecimal(7, r.energyExportTariff2());
            setInteger(insert, 8, r.powerImportW());
            setInteger(insert, 9, r.powerExportW());
            insert.setBigDecimal(10, r.gasM3());
            insert.setObject(11, ProviderDatabase.utc(r.gasTimestamp()));
            insert.setString(12, r.raw());
            return insert.executeUpdate();
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /**
     * Readings of a household with {@code from <= timestamp < to} (either bound may be null), oldest
     * first, at most {@code limit}.
     */
    public List<StoredReading> between(String household, Instant from, Instant to, int limit) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM reading WHERE household = ?"
                    + " AND (CAST(? AS TIMESTAMP WITH TIME ZONE) IS NULL OR measured_at >= ?)"
                    + " AND (CAST(? AS TIMESTAMP WITH TIME ZONE) IS NULL OR measured_at < ?)"
                    + " ORDER BY measured_at, sequence LIMIT ?")) {
                query.setString(1, household);
                // cast: PostgreSQL cannot tell the type of a bare null in "? IS NULL"
                query.setObject(2, ProviderDatabase.utc(from), Types.TIMESTAMP_WITH_TIMEZONE);
                query.setObject(3, ProviderDatabase.utc(from), Types.TIMESTAMP_WITH_TIMEZONE);
                query.setObject(4, ProviderDatabase.utc(to), Types.TIMESTAMP_WITH_TIMEZONE);
                query.setObject(5, ProviderDatabase.utc(to), Types.TIMESTAMP_WITH_TIMEZONE);
                query.setInt(6, limit);
                List<StoredReading> readings = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        readings.add(new StoredReading(row.getString(1), row.getLong(2), ProviderDatabase.instant(row.getObject(3)),
                                row.getBigDecimal(4), row.getBigDecimal(5), row.getBigDecimal(6), row.getBigDecimal(7),
                                integer(row, 8), integer(row, 9), row.getBigDecimal(10), ProviderDatabase.instant(row.getObject(11)),
                                row.getString(12)));
                    }
                }
                return readings;
            }
        });
    }

    public long count(String household) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM reading WHERE household = ?")) {
                query.setString(1, household);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
    }

    /** One local day's use: the change of the meter totals between its first and last reading. */
    public record Day(java.time.LocalDate date, java.math.BigDecimal energyImportKwh, java.math.BigDecimal energyExportKwh,
            java.math.BigDecimal gasM3) {
    }

    /**
     * Use per local day in {@code zone} from {@code since} on, oldest first: the spread (max − min) of
     * each meter total within the day, which the meter's monotonic registers make the day's use.
     */
    public List<Day> daily(String household, Instant since, java.time.ZoneId zone) throws SQLException {
        String day = database.localDay("measured_at", zone);
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + day + " AS d,"
                    + " MAX(COALESCE(energy_import_t1, 0) + COALESCE(energy_import_t2, 0)) - MIN(COALESCE(energy_import_t1, 0) + COALESCE(energy_import_t2, 0)),"
                    + " MAX(COALESCE(energy_export_t1, 0) + COALESCE(energy_export_t2, 0)) - MIN(COALESCE(energy_export_t1, 0) + COALESCE(energy_export_t2, 0)),"
                    + " MAX(gas_m3) - MIN(gas_m3)"
                    + " FROM reading WHERE household = ? AND measured_at >= ? GROUP BY d ORDER BY d")) {
                query.setString(1, household);
                query.setObject(2, ProviderDatabase.utc(since));
                List<Day> days = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        days.add(new Day(java.time.LocalDate.parse(row.getString(1)), row.getBigDecimal(2), row.getBigDecimal(3),
                                row.getBigDecimal(4)));
                    }
                }
                return days;
            }
        });
    }

    /** Issue 16: gas (m3) and electricity (kWh) per clock hour (UTC) from {@code since} on, oldest first. */
    public List<Hour> hourly(String household, Instant since) throws SQLException {
        String hour = database.dialect() == ProviderDatabase.Dialect.POSTGRESQL
                ? "to_char(measured_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')"
                : "FORMATDATETIME(measured_at, 'yyyy-MM-dd HH', 'en', 'UTC')";
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + hour + " AS h,"
                    + " MAX(COALESCE(energy_import_t1, 0) + COALESCE(energy_import_t2, 0)) - MIN(COALESCE(energy_import_t1, 0) + COALESCE(energy_import_t2, 0)),"
                    + " MAX(gas_m3) - MIN(gas_m3)"
                    + " FROM reading WHERE household = ? AND measured_at >= ? GROUP BY h ORDER BY h")) {
                query.setString(1, household);
                query.setObject(2, ProviderDatabase.utc(since));
                List<Hour> hours = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        hours.add(new Hour(row.getString(1).replace(' ', 'T') + ":00:00Z", row.getBigDecimal(2), row.getBigDecimal(3)));
                    }
                }
                return hours;
            }
        });
    }

    /** One clock hour's use; {@code start} as an ISO instant. */
    public record Hour(String start, java.math.BigDecimal energyImportKwh, java.math.BigDecimal gasM3) {
    }

    private static Integer integer(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
