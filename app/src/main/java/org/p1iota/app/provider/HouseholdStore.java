package org.p1iota.app.provider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The household table: consent requests, their state and their key index. */
public final class HouseholdStore {

    private static final String COLUMNS = "id, key_index, inbox, goal, requested_at, state, policy_id, device, last_reading_at,"
            + " grant_secret, rejected_key_deliveries";

    private final ProviderDatabase database;

    public HouseholdStore(ProviderDatabase database) {
        this.database = database;
    }

    /** The next unused key index; index 0 is the role's own inbox, so requests start at 1. */
    public int nextKeyIndex() throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COALESCE(MAX(key_index), 0) + 1 FROM household");
                    ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        });
    }

    public void insert(Household household) throws SQLException {
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO household (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, household.id());
                insert.setInt(2, household.keyIndex());
                insert.setString(3, household.inbox());
                insert.setString(4, household.goal());
                insert.setObject(5, ProviderDatabase.utc(household.requestedAt()));
                insert.setString(6, household.state().apiName());
                insert.setString(7, household.policyId());
                insert.setString(8, household.device());
                insert.setObject(9, ProviderDatabase.utc(household.lastReadingAt()));
                insert.setString(10, household.grantSecret());
                insert.setInt(11, household.rejectedKeyDeliveries());
                return insert.executeUpdate();
            }
        });
    }

    public Optional<Household> find(String id) throws SQLException {
        List<Household> found = query("SELECT " + COLUMNS + " FROM household WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** Every household, the most recent request first. */
    public List<Household> all() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM household ORDER BY requested_at DESC, key_index DESC");
    }

    public List<Household> inState(HouseholdState state) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM household WHERE state = ? ORDER BY key_index", state.apiName());
    }

    /** Records the policy and device of a request whose MAM_DATA was opened, and that it now receives. */
    public boolean startReceiving(String id, String policyId, String device) throws SQLException {
        return update("UPDATE household SET state = ?, policy_id = ?, device = ? WHERE id = ? AND state = ?",
                HouseholdState.RECEIVING.apiName(), policyId, device, id, HouseholdState.WAITING_FOR_KEYS.apiName());
    }

    /** Counts a key delivery refused at the inbox of a request still waiting for its keys; false when it is not. */
    public boolean rejectedKeyDelivery(String id) throws SQLException {
        return update("UPDATE household SET rejected_key_deliveries = rejected_key_deliveries + 1 WHERE id = ? AND state = ?",
                id, HouseholdState.WAITING_FOR_KEYS.apiName());
    }

    /** Marks requests still waiting for keys since before {@code cutoff} as expired; returns their ids. */
    public List<String> expireWaitingSince(Instant cutoff) throws SQLException {
        return database.transaction(connection -> {
            List<String> expired = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM household WHERE state = ? AND requested_at < ? ORDER BY key_index")) {
                query.setString(1, HouseholdState.WAITING_FOR_KEYS.apiName());
                query.setObject(2, ProviderDatabase.utc(cutoff));
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        expired.add(row.getString(1));
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE household SET state = ? WHERE id = ? AND state = ?")) {
                for (String id : expired) {
                    update.setString(1, HouseholdState.EXPIRED.apiName());
                    update.setString(2, id);
                    update.setString(3, HouseholdState.WAITING_FOR_KEYS.apiName());
                    update.executeUpdate();
                }
            }
            return expired;
        });
    }

    public int countInState(HouseholdState state) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM household WHERE state = ?")) {
                query.setString(1, state.apiName());
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    return result.getInt(1);
                }
            }
        });
    }

    /** @return false when the household was not receiving (already revoked, or unknown) */
    public boolean revoke(String id) throws SQLException {
        return update("UPDATE household SET state = ? WHERE id = ? AND state = ?",
                HouseholdState.REVOKED.apiName(), id, HouseholdState.RECEIVING.apiName());
    }

    /** The consent reached its end date (issue 15): as {@link #revoke}, named so. */
    public boolean end(String id) throws SQLException {
        return update("UPDATE household SET state = ? WHERE id = ? AND state = ?",
                HouseholdState.ENDED.apiName(), id, HouseholdState.RECEIVING.apiName());
    }

    private boolean update(String sql, String... parameters) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    update.setString(i + 1, parameters[i]);
                }
                return update.executeUpdate() == 1;
            }
        });
    }

    private List<Household> query(String sql, String... parameters) throws SQLException {
        return database.transaction(connection -> read(connection, sql, parameters));
    }

    private static List<Household> read(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<Household> households = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    households.add(new Household(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                            ProviderDatabase.instant(row.getObject(5)), HouseholdState.parse(row.getString(6)),
                            row.getString(7), row.getString(8), ProviderDatabase.instant(row.getObject(9)), row.getString(10),
                            row.getInt(11)));
                }
            }
            return households;
        }
    }
}
