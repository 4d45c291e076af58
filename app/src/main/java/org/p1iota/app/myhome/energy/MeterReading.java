package org.p1iota.app.myhome.energy;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import static org.p1iota.app.channel.TelegramFields.decimal;
import static org.p1iota.app.channel.TelegramFields.instant;
import static org.p1iota.app.channel.TelegramFields.watts;
import org.p1iota.app.consent.message.Telegram;

/**
 * One telegram of the household's own meter as My Home keeps it: totals per tariff (kWh), power in
 * whole watts overall and per phase, voltage and current per phase, the gas total (m3), the tariff in
 * force, and what the meter says about itself. A value the meter did not send is null.
 */
public record MeterReading(String device, long sequence, Instant at,
        BigDecimal importT1, BigDecimal importT2, BigDecimal exportT1, BigDecimal exportT2,
        Integer powerImportW, Integer powerExportW, Integer[] phaseImportW, Integer[] phaseExportW,
        BigDecimal[] voltage, BigDecimal[] current, BigDecimal gasM3, Integer tariff,
        String header, String p1Version, String equipmentId, String gasEquipmentId) {


    /** Reads the p1 parser's JSON of a telegram; {@code receivedAt} when the telegram carries no time. */
    public static MeterReading of(String device, Telegram telegram, Instant receivedAt) {
        JsonNode parsed = telegram.parsed();
        Integer[] phaseImport = new Integer[3];
        Integer[] phaseExport = new Integer[3];
        BigDecimal[] voltage = new BigDecimal[3];
        BigDecimal[] current = new BigDecimal[3];
        for (JsonNode phase : parsed.path("phases")) {
            int index = phase.path("phase").asInt(0) - 1;
            if (index >= 0 && index < 3) {
                phaseImport[index] = watts(phase.path("powerImport"));
                phaseExport[index] = watts(phase.path("powerExport"));
                voltage[index] = decimal(phase.path("voltage"));
                current[index] = decimal(phase.path("current"));
            }
        }
        Instant at = instant(parsed.path("timestamp"));
        JsonNode gas = parsed.path("gas");
        return new MeterReading(device, telegram.sequence(), at == null ? receivedAt : at,
                decimal(parsed.path("energyImportTariff1")), decimal(parsed.path("energyImportTariff2")),
                decimal(parsed.path("energyExportTariff1")), decimal(parsed.path("energyExportTariff2")),
                watts(parsed.path("powerImport")), watts(parsed.path("powerExport")), phaseImport, phaseExport,
                voltage, current, decimal(gas.path("value")),
                parsed.path("tariffIndicator").isInt() ? parsed.path("tariffIndicator").asInt() : null,
                text(parsed.path("header"), 100), text(parsed.path("p1Version"), 10), text(parsed.path("equipmentId"), 100),
                text(parsed.path("mbus").path(0).path("equipmentId"), 100));
    }

    /** "5.0" for the telegram's "50" (DSMR 5.0), "4.2" for "42"; other forms as sent. */
    public static String dsmrVersion(String p1Version) {
        if (p1Version == null) {
            return null;
        }
        return p1Version.matches("[0-9]{2}") ? p1Version.charAt(0) + "." + p1Version.charAt(1) : p1Version;
    }

    private static String text(JsonNode node, int max) {
        if (!node.isTextual()) {
            return null;
        }
        String text = node.asText().replaceAll("\\p{Cntrl}", "");
        return text.length() > max ? text.substring(0, max) : text;
    }
}
