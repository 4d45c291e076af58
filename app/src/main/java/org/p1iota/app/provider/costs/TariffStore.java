package org.p1iota.app.provider.costs;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.p1iota.app.provider.ProviderDatabase;
import org.p1iota.app.tariff.Tariff;

/**
 * Wattt customers' tariffs (table {@code account_tariff}, one per account) and a household's use per
 * local day and meter tariff, the two things its costs are made of.
 */
public final class TariffStore {

    /** Use in one local day: electricity taken per meter tariff (kWh) and gas (m3); null when not sent. */
    public record DayUse(LocalDate date, BigDecimal importT1Kwh, BigDecimal importT2Kwh, BigDecimal gasM3) {
    }

    private final ProviderDatabase database;
    private final Clock clock;

    public TariffStore(ProviderDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Optional<Tariff> of(String accountId) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT kind, import_per_kwh, t1_per_kwh, t2_per_kwh, gas_per_m3 FROM account_tariff WHERE account_id = ?")) {
                query.setString(1, accountId);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Tariff>empty();
                    }
                    try {
                        return Optional.of(new Tariff(row.getString(1), row.getBigDecimal(2), row.getBigDecimal(3),
                                row.getBigDecimal(4), row.getBigDecimal(5)));
                    } catch (IllegalArgumentException e) {
                        return Optional.<Tariff>empty(); // a row the current rules refuse counts as not entered
                    }
                }
            }
        });
    }

    public void save(String accountId, Tariff tariff) throws SQLException {
        database.transaction(connection -> {
            // the same upsert in each database's words (as AccountStore.named)
            String upsert = database.dialect() == ProviderDatabase.Dialect.POSTGRESQL
                    ? "INSERT INTO account_tariff (account_id, kind, import_per_kwh, t1_per_kwh, t2_per_kwh, gas_per_m3, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET kind = EXCLUDED.kind,"
                            + " import_per_kwh = EXCLUDED.import_per_kwh, t1_per_kwh = EXCLUDED.t1_per_kwh,"
                            + " t2_per_kwh = EXCLUDED.t2_per_kwh, gas_per_m3 = EXCLUDED.gas_per_m3, updated_at = EXCLUDED.updated_at"
                    : "MERGE INTO account_tariff (account_id, kind, import_per_kwh, t1_per_kwh, t2_per_kwh, gas_per_m3, updated_at)"
                            + " KEY (account_id) VALUES (?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement merge = connection.prepareStatement(upsert)) {
                merge.setString(1, accountId);
                merge.setString(2, tariff.kind());
                merge.setBigDecimal(3, tariff.importPerKwh());
                merge.setBigDecimal(4, tariff.t1PerKwh());
                merge.setBigDecimal(5, tariff.t2PerKwh());
                merge.setBigDecimal(6, tariff.gasPerM3());
                merge.setObject(7, clock.instant().atOffset(ZoneOffset.UTC));
                return merge.executeUpdate();
            }
        });
    }

    /**
     * Use per local day from {@code since}, oldest first: the rise of each meter register within the
     * day, as {@code /api/readings/daily} counts it.
     */
    public List<DayUse> dailyUse(String household, Instant since, ZoneId zone) throws SQLException {
        String day = database.localDay("measured_at", zone); // as ReadingStore.daily
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + day + " AS d,"
                    + " MAX(energy_import_t1) - MIN(energy_import_t1), MAX(energy_import_t2) - MIN(energy_import_t2),"
                    + " MAX(gas_m3) - MIN(gas_m3)"
                    + " FROM reading WHERE household = ? AND measured_at >= ? GROUP BY d ORDER BY d")) {
                query.setString(1, household);
                query.setObject(2, since.atOffset(ZoneOffset.UTC));
                List<DayUse> days = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        days.add(new DayUse(LocalDate.parse(row.getString(1)), row.getBigDecimal(2), row.getBigDecimal(3),
                                row.getBigDecimal(4)));
                    }
                }
                return days;
            }
        });
    }
}
