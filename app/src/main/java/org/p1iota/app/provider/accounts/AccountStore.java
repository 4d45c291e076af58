package org.p1iota.app.provider.accounts;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.p1iota.app.consent.secrets.RandomIds;
import org.p1iota.app.provider.ProviderDatabase;

/**
 * Wattt Insights' customer accounts (tables {@code account} and {@code account_household} of the
 * provider's database): an e-mail address, an Argon2id password hash, and the households (consent
 * requests) the account connected, each with the name the customer gave its meter.
 */
public final class AccountStore {

    /** A meter as the customer named it. */
    public record Meter(String household, String accountId, String name) {
    }

    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 200;
    public static final int MAX_NAME = 64;

    private final ProviderDatabase database;
    private final PasswordHashing passwords;
    private final SecureRandom random;
    private final Clock clock;

    public AccountStore(ProviderDatabase database, PasswordHashing passwords, SecureRandom random, Clock clock) {
        this.database = database;
        this.passwords = passwords;
        this.random = random;
        this.clock = clock;
    }

    /** @return the new account's id, or empty when the address is taken */
    public Optional<String> signUp(String email, String password) throws SQLException {
        String address = normalise(email);
        checkPassword(password);
        String hash = passwords.hash(password);
        String id = "acc_" + RandomIds.of(random);
        try {
            return insertUnlessTaken(id, address, hash);
        } catch (SQLException e) {
            if (ProviderDatabase.isDuplicate(e)) {
                return Optional.empty(); // a sign-up at the same moment (here or at another instance) took the address
            }
            throw e;
        }
    }

    private Optional<String> insertUnlessTaken(String id, String address, String hash) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement taken = connection.prepareStatement("SELECT 1 FROM account WHERE email = ?")) {
                taken.setString(1, address);
                try (ResultSet row = taken.executeQuery()) {
                    if (row.next()) {
                        return Optional.<String>empty();
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO account (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, address);
                insert.setString(3, hash);
                insert.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            return Optional.of(id);
        });
    }

    /** The account id when the password is right; the hash is computed either way, so timing tells nothing. */
    public Optional<String> logIn(String email, String password) throws SQLException {
        String address;
        try {
            address = normalise(email);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] found = database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, password_hash FROM account WHERE email = ?")) {
                query.setString(1, address);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? new String[] {row.getString(1), row.getString(2)} : null;
                }
            }
        });
        if (found == null) {
            passwords.hash(password == null ? "" : password);
            return Optional.empty();
        }
        return password != null && passwords.verify(password, found[1]) ? Optional.of(found[0]) : Optional.empty();
    }

    public Optional<String> email(String accountId) throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT email FROM account WHERE id = ?")) {
                query.setString(1, accountId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Names a household's meter and, when the customer is logged in, ties it to the account. */
    public void named(String household, String accountId, String name) throws SQLException {
        String meterName = meterName(name);
        database.transaction(connection -> {
            // the same upsert in each database's words
            String upsert = database.dialect() == ProviderDatabase.Dialect.POSTGRESQL
                    ? "INSERT INTO account_household (household, account_id, meter_name) VALUES (?, ?, ?)"
                            + " ON CONFLICT (household) DO UPDATE SET account_id = EXCLUDED.account_id, meter_name = EXCLUDED.meter_name"
                    : "MERGE INTO account_household (household, account_id, meter_name) KEY (household) VALUES (?, ?, ?)";
            try (PreparedStatement merge = connection.prepareStatement(upsert)) {
                merge.setString(1, household);
                merge.setString(2, accountId);
                merge.setString(3, meterName);
                return merge.executeUpdate();
            }
        });
    }

    /** A meter connected before the customer logged in joins the account (unless another account has it). */
    public void adopt(String household, String accountId) throws SQLException {
        database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE account_household SET account_id = ? WHERE household = ? AND account_id IS NULL")) {
                update.setString(1, accountId);
                update.setString(2, household);
                return update.executeUpdate();
            }
        });
    }

    public Optional<Meter> meter(String household) throws SQLException {
        List<Meter> found = meters("SELECT household, account_id, meter_name FROM account_household WHERE household = ?", household);
        return found.stream().findFirst();
    }

    /**
     * The households of an account, in the order they were connected: the order of their requests' key
     * indexes, asked for, since PostgreSQL returns a row that was updated (adopted) after the others.
     */
    public List<Meter> metersOf(String accountId) throws SQLException {
        return meters("SELECT m.household, m.account_id, m.meter_name FROM account_household m"
                + " LEFT JOIN household h ON h.id = m.household WHERE m.account_id = ? ORDER BY h.key_index, m.household", accountId);
    }

    private List<Meter> meters(String sql, String parameter) throws SQLException {
        return database.transaction(connection -> {
            List<Meter> meters = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, parameter);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        meters.add(new Meter(row.getString(1), row.getString(2), row.getString(3)));
                    }
                }
            }
            return meters;
        });
    }

    static String normalise(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.length() > 254 || !address.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("Enter an e-mail address such as name@example.org.");
        }
        return address;
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new IllegalArgumentException("Choose a password of " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters.");
        }
    }

    /** A meter name as typed, checked (1–64 characters, no control characters); empty becomes "My meter". */
    public static String meterNameOrRefuse(String name) {
        return meterName(name);
    }

    static String meterName(String name) {
        String text = name == null ? "" : name.strip();
        if (text.isEmpty()) {
            text = "My meter";
        }
        if (text.length() > MAX_NAME || text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Give the meter a name of 1 to " + MAX_NAME + " characters.");
        }
        return text;
    }
}
