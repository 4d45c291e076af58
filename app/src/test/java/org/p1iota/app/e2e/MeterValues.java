package org.p1iota.app.e2e;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The values a provider should show for a telegram, read straight from the meter's text with nothing
 * of the application's parsing (OBIS codes of DSMR 5: 1-0:1.7.0 power in kW, 1-0:1.8.x/2.8.x energy
 * per tariff in kWh, 0-1:24.2.1 gas in m3 with its own time), so the comparison can catch a parsing
 * or transport mistake instead of repeating it.
 */
record MeterValues(Instant timestamp, int powerImportW, int powerExportW, BigDecimal energyImportKwh,
        BigDecimal energyExportKwh, BigDecimal gasM3) {

    private static final DateTimeFormatter DSMR_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss", Locale.ROOT);

    static MeterValues of(String raw) {
        return new MeterValues(time(field(raw, "0-0:1.0.0(")), watts(number(raw, "1-0:1.7.0(")), watts(number(raw, "1-0:2.7.0(")),
                number(raw, "1-0:1.8.1(").add(number(raw, "1-0:1.8.2(")), number(raw, "1-0:2.8.1(").add(number(raw, "1-0:2.8.2(")),
                gas(raw));
    }

    /** Whether a provider's Reading (docs/http-api.md) shows exactly these values. */
    boolean matches(JsonNode reading) {
        return Instant.parse(reading.path("timestamp").asText()).equals(timestamp)
                && reading.path("powerImportW").asInt(-1) == powerImportW
                && reading.path("powerExportW").asInt(-1) == powerExportW
                && reading.path("energyImportKwh").decimalValue().compareTo(energyImportKwh) == 0
                && reading.path("energyExportKwh").decimalValue().compareTo(energyExportKwh) == 0
                && reading.path("gasM3").decimalValue().compareTo(gasM3) == 0;
    }

    private static String field(String raw, String prefix) {
        int start = raw.indexOf("\n" + prefix);
        if (start < 0) {
            throw new IllegalArgumentException("the telegram has no " + prefix + ": " + raw);
        }
        int open = start + 1 + prefix.length();
        return raw.substring(open, raw.indexOf(')', open));
    }

    private static BigDecimal number(String raw, String prefix) {
        String value = field(raw, prefix);
        int star = value.indexOf('*');
        return new BigDecimal(star < 0 ? value : value.substring(0, star));
    }

    private static int watts(BigDecimal kilowatts) {
        return kilowatts.movePointRight(3).intValueExact();
    }

    /** {@code YYMMDDhhmmssX}: local Dutch time, X = S (summer) or W (winter) says the offset. */
    private static Instant time(String stamp) {
        LocalDateTime local = LocalDateTime.parse(stamp.substring(0, 12), DSMR_TIME);
        ZoneOffset offset = stamp.charAt(12) == 'S' ? ZoneOffset.ofHours(2) : ZoneOffset.ofHours(1);
        return local.toInstant(offset);
    }

    private static BigDecimal gas(String raw) {
        int line = raw.indexOf("\n0-1:24.2.1(");
        int value = raw.indexOf(")(", line) + 2;
        String text = raw.substring(value, raw.indexOf(')', value));
        return new BigDecimal(text.substring(0, text.indexOf('*')));
    }
}
