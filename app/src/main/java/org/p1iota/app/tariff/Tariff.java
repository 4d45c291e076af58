package org.p1iota.app.tariff;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An energy contract as a household's bill states it, in euro including taxes: electricity at one
 * price a kWh ({@code fixed}) or at two ({@code daynight}: tariff 1 = night/low, tariff 2 = day/normal,
 * as Dutch meters count them), and gas at one price a m3. The field names are My Home's
 * ({@code myhome.energy.Tariffs.Settings}), so a tariff entered at either reads the same; the roles
 * store it each in their own database. Wattt Insights uses this for its customers' costs.
 */
public record Tariff(String kind, BigDecimal importPerKwh, BigDecimal t1PerKwh, BigDecimal t2PerKwh, BigDecimal gasPerM3) {

    private static final BigDecimal MIN = BigDecimal.valueOf(-10);
    private static final BigDecimal MAX = BigDecimal.valueOf(100);

    /** What costs are computed with until a customer enters their own: a typical Dutch 2026 contract. */
    public static final Tariff DEFAULT = new Tariff("fixed", new BigDecimal("0.27"), null, null, new BigDecimal("1.35"));

    public Tariff {
        if (!"fixed".equals(kind) && !"daynight".equals(kind)) {
            throw new IllegalArgumentException("kind must be fixed or daynight");
        }
        if ("fixed".equals(kind) && importPerKwh == null) {
            throw new IllegalArgumentException("a fixed tariff needs importPerKwh (euro a kWh, e.g. 0.27)");
        }
        if ("daynight".equals(kind) && (t1PerKwh == null || t2PerKwh == null)) {
            throw new IllegalArgumentException("a day/night tariff needs t1PerKwh (night) and t2PerKwh (day)");
        }
        for (BigDecimal price : new BigDecimal[] {importPerKwh, t1PerKwh, t2PerKwh, gasPerM3}) {
            if (price != null && (price.compareTo(MIN) < 0 || price.compareTo(MAX) > 0)) {
                throw new IllegalArgumentException("a price must be between -10 and 100 euro");
            }
        }
    }

    /** Reads the JSON a page sends; a bad field is an {@link IllegalArgumentException} saying what to fix. */
    public static Tariff parse(JsonNode json) {
        return new Tariff(json.path("kind").asText("fixed"), price(json, "importPerKwh"), price(json, "t1PerKwh"),
                price(json, "t2PerKwh"), price(json, "gasPerM3"));
    }

    private static BigDecimal price(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        if (!value.isNumber() && !value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a number of euro, e.g. 0.28");
        }
        try {
            return new BigDecimal(value.asText().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number of euro, e.g. 0.28");
        }
    }

    /** Electricity taken from the grid, per meter tariff, in euro (2 decimals). */
    public BigDecimal electricityCost(BigDecimal t1Kwh, BigDecimal t2Kwh) {
        BigDecimal cost = "daynight".equals(kind)
                ? nz(t1Kwh).multiply(t1PerKwh).add(nz(t2Kwh).multiply(t2PerKwh))
                : nz(t1Kwh).add(nz(t2Kwh)).multiply(importPerKwh);
        return cost.setScale(2, RoundingMode.HALF_UP);
    }

    /** Gas in euro (2 decimals); zero without a gas price. */
    public BigDecimal gasCost(BigDecimal m3) {
        return nz(m3).multiply(nz(gasPerM3)).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
