package org.p1iota.app.channel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The values of a decoded telegram's JSON (the p1 parser's fields) as the stores keep them, for every
 * reader of a data channel (My Home's own energy, the provider). The JSON came off the tangle: a field
 * of the wrong type or out of range reads as absent, never as an exception.
 */
public final class TelegramFields {

    private static final BigDecimal WATTS_PER_KW = BigDecimal.valueOf(1000);

    private TelegramFields() {
    }

    /** A number, or a number written as text; null otherwise. */
    public static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** kW as whole watts; null when absent or beyond any household connection (1 GW). */
    public static Integer watts(JsonNode kilowatts) {
        BigDecimal kw = decimal(kilowatts);
        if (kw == null || kw.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            return null;
        }
        return kw.multiply(WATTS_PER_KW).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    /** An ISO-8601 time with offset (or in UTC with Z); null otherwise. */
    public static Instant instant(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(node.asText());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
