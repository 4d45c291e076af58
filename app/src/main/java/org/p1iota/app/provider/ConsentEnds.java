package org.p1iota.app.provider;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The end date a household's consent carries (CHANNEL_KEYS v3 {@code until}), so that a key rotation
 * that leaves this provider out at that date reads as "consent ended" rather than "revoked". Its own
 * table (Flyway migration V5), apart from the household table.
 */
public final class ConsentEnds {

    /** A rotation this close before the end date is the end (the device may end it by the meter's clock). */
    static final Duration SLACK = Duration.ofMinutes(1);

    private final ProviderDatabase database;

    public ConsentEnds(ProviderDatabase database) {
        this.database = database;
    }

    public void record(String household, Instant until) throws SQLException {
        database.transaction(connection -> {
            // the same upsert in each database's words
            String upsert = database.dialect() == ProviderDatabase.Dialect.POSTGRESQL
                    ? "INSERT INTO consent_end (household, until_at) VALUES (?, ?) ON CONFLICT (household) DO UPDATE SET until_at = EXCLUDED.until_at"
                    : "MERGE INTO consent_end (household, until_at) KEY (household) VALUES (?, ?)";
            try (PreparedStatement merge = connection.prepareStatement(upsert)) {
                merge.setString(1, household);
                merge.setTimestamp(2, Timestamp.from(until));
                return merge.executeUpdate();
            }
        });
    }

    public Optional<Instant> until(String household) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT until_at FROM consent_end WHERE household = ?")) {
                query.setString(1, household);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(row.getTimestamp(1).toInstant()) : Optional.<Instant>empty();
                }
            }
        });
    }

    /**
     * Whether a rotation without this provider is the consent's end: read at or after the end date, or
     * right after a reading measured at its end (the device ends a policy before the first telegram
     * measured at or after the end, which a meter ahead of the clock sends early).
     */
    public boolean endedBy(String household, Instant now, Instant lastReadingAt) throws SQLException {
        return until(household).map(until -> !now.isBefore(until.minus(SLACK))
                || (lastReadingAt != null && !lastReadingAt.isBefore(until.minus(SLACK)))).orElse(false);
    }
}
