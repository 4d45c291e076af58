package org.p1iota.app.provider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import org.p1iota.app.consent.message.Telegram;

/**
 * Reads the typed values out of a telegram's parsed JSON (the p1 component's field names): energy
 * per tariff in kWh, power in kW (stored as whole watts), the gas reading and its own time.
 * A value that is missing or not a number is stored as null; the raw telegram is always kept.
 */
final class TelegramValues {

    private static final BigDecimal WATTS_PER_KW = BigDecimal.valueOf(1000);

    private TelegramValues() {
    }

    /** @param receivedAt used as the reading's time when the telegram carries none */
    static StoredReading read(String household, Telegram telegram, Instant receivedAt) {
        JsonNode parsed = telegram.parsed();
        JsonNode gas = parsed.path("gas");
        Instant timestamp = instant(parsed.path("timestamp"));
        return new StoredReading(household, telegram.sequence(), timestamp == null ? receivedAt : timestamp,
                decimal(parsed.path("energyImportTariff1")), decimal(parsed.path("energyImportTariff2")),
                decimal(parsed.path("energyExportTariff1")), decimal(parsed.path("energyExportTariff2")),
                watts(parsed.path("powerImport")), watts(parsed.path("powerExport")),
                decimal(gas.path("value")), instant(gas.path("timestamp")), telegram.raw());
    }

    private static BigDecimal decimal(JsonNode node) {
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

    private static Integer watts(JsonNode kilowatts) {
        BigDecimal kw = decimal(kilowatts);
        if (kw == null || kw.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            return null;
        }
        return kw.multiply(WATTS_PER_KW).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    private static Instant instant(JsonNode node) {
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
