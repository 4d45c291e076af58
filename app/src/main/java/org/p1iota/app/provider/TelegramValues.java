package org.p1iota.app.provider;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import static org.p1iota.app.channel.TelegramFields.decimal;
import static org.p1iota.app.channel.TelegramFields.instant;
import static org.p1iota.app.channel.TelegramFields.watts;
import org.p1iota.app.consent.message.Telegram;

/**
 * Reads the typed values out of a telegram's parsed JSON (the p1 component's field names): energy
 * per tariff in kWh, power in kW (stored as whole watts), the gas reading and its own time.
 * A value that is missing or not a number is stored as null; the raw telegram is always kept.
 */
final class TelegramValues {


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
}
