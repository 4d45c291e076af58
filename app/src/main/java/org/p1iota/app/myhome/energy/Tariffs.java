package org.p1iota.app.myhome.energy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The prices the household entered, and what a span of use cost under them. Three kinds of contract:
 * {@code fixed} (one price a kWh), {@code daynight} (tariff 1 = night/low, tariff 2 = day/normal, as
 * Dutch meters count them) and {@code dynamic} (an hourly price list the household uploads as CSV;
 * hours without a price fall back to the fixed price). Export and gas have one price each. Prices in
 * euro, including taxes, as the household's bill states them.
 */
public final class Tariffs {

    /** The settings, as the API and page show them. Null prices are not entered. */
    public record Settings(String kind, BigDecimal importPerKwh, BigDecimal t1PerKwh, BigDecimal t2PerKwh,
            BigDecimal exportPerKwh, BigDecimal gasPerM3) {

        public Settings {
            if (kind == null || !(kind.equals("fixed") || kind.equals("daynight") || kind.equals("dynamic"))) {
                throw new IllegalArgumentException("kind must be fixed, daynight or dynamic");
            }
            for (BigDecimal price : new BigDecimal[] {importPerKwh, t1PerKwh, t2PerKwh, exportPerKwh, gasPerM3}) {
                if (price != null && (price.signum() < 0 && price.compareTo(BigDecimal.valueOf(-10)) < 0
                        || price.compareTo(BigDecimal.valueOf(100)) > 0)) {
                    throw new IllegalArgumentException("a price must be between -10 and 100 euro");
                }
            }
        }

        public boolean entered() {
            return importPerKwh != null || t1PerKwh != null || t2PerKwh != null || gasPerM3 != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Settings NONE = new Settings("fixed", null, null, null, null, null);
    private static final int MAX_PRICE_LINES = 2000;

    private final EnergyDatabase database;
    private final ZoneId zone;

    public Tariffs(EnergyDatabase database, ZoneId zone) {
        this.database = database;
        this.zone = zone;
    }

    public Settings settings() throws SQLException {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT settings FROM tariff WHERE id = 1");
                    ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return NONE;
                }
                try {
                    return JSON.readValue(row.getString(1), Settings.class);
                } catch (java.io.IOException | IllegalArgumentException e) {
                    return NONE;
                }
            }
        });
    }

    /** Reads the page's JSON; a bad field is an {@link IllegalArgumentException} with what to fix. */
    public static Settings parse(JsonNode json) {
        return new Settings(json.path("kind").asText("fixed"), price(json, "importPerKwh"), price(json, "t1PerKwh"),
                price(json, "t2PerKwh"), price(json, "exportPerKwh"), price(json, "gasPerM3"));
    }

    private static BigDecimal price(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.asText().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number of euro, e.g. 0.28");
        }
    }

    public void save(Settings settings) throws SQLException {
        String json;
        try {
            json = JSON.writeValueAsString(settings);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        database.transaction(connection -> {
            try (PreparedStatement merge = connection.prepareStatement("MERGE INTO tariff (id, settings) KEY (id) VALUES (1, ?)")) {
                merge.setString(1, json);
                return merge.executeUpdate();
            }
        });
    }

    /**
     * Stores an hourly price list: lines {@code <hour>,<euro per kWh>}, the hour as an ISO instant
     * ({@code 2026-12-07T13:00:00Z}) or local time ({@code 2026-12-07 14:00}); a header line and
     * blank lines are skipped. All or nothing: the first bad line is named in the error.
     */
    public int importPrices(String csv) throws SQLException {
        Map<Long, BigDecimal> prices = new TreeMap<>();
        String[] lines = csv.split("\r?\n");
        if (lines.length > MAX_PRICE_LINES + 1) {
            throw new IllegalArgumentException("at most " + MAX_PRICE_LINES + " hours at once; upload a month at a time");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || (i == 0 && !Character.isDigit(line.charAt(0)))) {
                continue;
            }
            String[] cells = line.split("[,;\t]");
            if (cells.length < 2) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected <hour>,<euro per kWh>");
            }
            try {
                long hour = hour(cells[0].strip().replace("\"", ""));
                BigDecimal price = new BigDecimal(cells[1].strip().replace("\"", ""));
                if (price.abs().compareTo(BigDecimal.valueOf(10)) > 0) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": a price of more than 10 euro a kWh");
                }
                prices.put(hour, price);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": '" + line + "' is not <hour>,<euro per kWh>"
                        + " (hour as 2026-12-07T13:00:00Z or 2026-12-07 14:00)");
            }
        }
        if (prices.isEmpty()) {
            throw new IllegalArgumentException("the file holds no prices");
        }
        return database.transaction(connection -> {
            try (PreparedStatement merge = connection.prepareStatement(
                    "MERGE INTO hourly_price (hour_s, eur_per_kwh) KEY (hour_s) VALUES (?, ?)")) {
                for (Map.Entry<Long, BigDecimal> price : prices.entrySet()) {
                    merge.setLong(1, price.getKey());
                    merge.setBigDecimal(2, price.getValue());
                    merge.executeUpdate();
                }
            }
            return prices.size();
        });
    }

    private long hour(String text) {
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            instant = LocalDateTime.parse(text.replace(' ', 'T').length() == 16 ? text.replace(' ', 'T') + ":00" : text.replace(' ', 'T'))
                    .atZone(zone).toInstant();
        }
        return instant.getEpochSecond() / 3600 * 3600;
    }

    /** Hour start to price, within [from, to). */
    public Map<Long, BigDecimal> prices(long from, long to) throws SQLException {
        return database.transaction(connection -> {
            Map<Long, BigDecimal> prices = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT hour_s, eur_per_kwh FROM hourly_price WHERE hour_s >= ? AND hour_s < ? ORDER BY hour_s")) {
                query.setLong(1, from);
                query.setLong(2, to);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        prices.put(row.getLong(1), row.getBigDecimal(2));
                    }
                }
            }
            return prices;
        });
    }

    /** What the use in one span cost, in euro (2 decimals); null without prices. */
    public BigDecimal cost(Settings settings, EnergyStore.Usage usage, EnergyStore store, String device) throws SQLException {
        if (!settings.entered() || usage.readings() == 0) {
            return null;
        }
        BigDecimal t1 = nz(usage.importT1());
        BigDecimal t2 = nz(usage.importT2());
        BigDecimal cost = switch (settings.kind()) {
            case "daynight" -> t1.multiply(nz(settings.t1PerKwh())).add(t2.multiply(nz(settings.t2PerKwh())));
            case "dynamic" -> dynamic(settings, usage, store, device);
            default -> t1.add(t2).multiply(nz(settings.importPerKwh()));
        };
        cost = cost.subtract(nz(usage.exportT1()).add(nz(usage.exportT2())).multiply(nz(settings.exportPerKwh())));
        cost = cost.add(nz(usage.gas()).multiply(nz(settings.gasPerM3())));
        return cost.setScale(2, RoundingMode.HALF_UP);
    }

    private BigDecimal dynamic(Settings settings, EnergyStore.Usage usage, EnergyStore store, String device) throws SQLException {
        Map<Long, BigDecimal> prices = prices(usage.fromS(), usage.toS());
        BigDecimal cost = BigDecimal.ZERO;
        for (Map.Entry<Long, BigDecimal> hour : store.importPerHour(device, usage.fromS(), usage.toS()).entrySet()) {
            BigDecimal price = prices.getOrDefault(hour.getKey(), nz(settings.importPerKwh()));
            cost = cost.add(hour.getValue().multiply(price));
        }
        return cost;
    }

    private static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
