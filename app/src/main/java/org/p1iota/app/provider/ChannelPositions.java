package org.p1iota.app.provider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.p1iota.camel.iota.state.Subscription;
import org.p1iota.camel.iota.state.Subscriptions;

/**
 * The households' data channels the provider follows, and the root each is read at next, in the
 * provider's database (table {@code channel_position}) instead of a file beside one instance: the
 * iota-mam endpoints of routes/provider.yaml use it ({@code subscriptions=#providerChannelPositions}),
 * so whichever instance reads a household's shard continues where the last reader stopped. Moving on
 * is a compare-and-set on the root: a reader that lost its shard in the meantime moves nothing.
 */
public final class ChannelPositions implements Subscriptions {

    private static final String COLUMNS = "subscription, root, mode, side_key";

    private final ProviderDatabase database;
    private final Clock clock;

    public ChannelPositions(ProviderDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A database failure while reading or moving a channel position: the follower tries again on a later poll. */
    public static final class PositionStoreException extends IllegalStateException {
        PositionStoreException(String what, SQLException cause) {
            super("cannot " + what + " in the provider database: " + cause.getMessage(), cause);
        }
    }

    @Override
    public List<Subscription> all() {
        return query("read the channel positions", "SELECT " + COLUMNS + " FROM channel_position ORDER BY subscription");
    }

    @Override
    public Optional<Subscription> get(String id) {
        return query("read the channel position of " + id, "SELECT " + COLUMNS + " FROM channel_position WHERE subscription = ?", id)
                .stream().findFirst();
    }

    @Override
    public void put(Subscription subscription) {
        run("store the channel position of " + subscription.id(), connection -> {
            if (update(connection, "UPDATE channel_position SET root = ?, mode = ?, side_key = ?, updated_at = ? WHERE subscription = ?",
                    subscription.root(), subscription.mode(), subscription.sideKey(), now(), subscription.id()) == 0) {
                insert(connection, subscription);
            }
            return null;
        });
    }

    @Override
    public boolean putIfAbsent(Subscription subscription) {
        try {
            return database.transaction(connection -> {
                insert(connection, subscription);
                return true;
            });
        } catch (SQLException e) {
            if (ProviderDatabase.isDuplicate(e)) {
                return false;
            }
            throw new PositionStoreException("store the channel position of " + subscription.id(), e);
        }
    }

    @Override
    public void remove(String id) {
        run("remove the channel position of " + id,
                connection -> update(connection, "DELETE FROM channel_position WHERE subscription = ?", id));
    }

    @Override
    public void advance(String id, String expectedRoot, String nextRoot) {
        run("move the channel position of " + id, connection -> update(connection,
                "UPDATE channel_position SET root = ?, updated_at = ? WHERE subscription = ? AND root = ?",
                nextRoot, now(), id, expectedRoot));
    }

    @Override
    public void changeSideKey(String id, String sideKey) {
        int changed = run("change the side key of " + id, connection -> update(connection,
                "UPDATE channel_position SET side_key = ?, updated_at = ? WHERE subscription = ?", sideKey, now(), id));
        if (changed == 0) {
            throw new IllegalArgumentException("no subscription '" + id + "' to change the side key of");
        }
    }

    /** Channels followed in all: for the status page and the benchmark. */
    public int count() {
        return all().size();
    }

    private Object now() {
        return ProviderDatabase.utc(clock.instant());
    }

    private void insert(Connection connection, Subscription s) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO channel_position (" + COLUMNS
                + ", updated_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, s.id());
            insert.setString(2, s.root());
            insert.setString(3, s.mode());
            insert.setString(4, s.sideKey());
            insert.setObject(5, now());
            insert.executeUpdate();
        }
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }

    private List<Subscription> query(String what, String sql, String... parameters) {
        return run(what, connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setString(i + 1, parameters[i]);
                }
                List<Subscription> found = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        found.add(new Subscription(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
                    }
                }
                return found;
            }
        });
    }

    private <T> T run(String what, ProviderDatabase.Work<T> work) {
        try {
            return database.transaction(work);
        } catch (SQLException e) {
            throw new PositionStoreException(what, e);
        }
    }
}
