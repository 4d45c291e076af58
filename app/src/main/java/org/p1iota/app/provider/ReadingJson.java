package org.p1iota.app.provider;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** A reading as the HTTP API shows it (docs/http-api.md "Reading"), and its CSV line. */
public record ReadingJson(String timestamp, Integer powerImportW, Integer powerExportW, BigDecimal energyImportKwh,
        BigDecimal energyExportKwh, BigDecimal gasM3, String gasTimestamp) {

    public static final String CSV_HEADER = "timestamp,powerImportW,powerExportW,energyImportKwh,energyExportKwh,gasM3";

    public static ReadingJson of(StoredReading reading) {
        return new ReadingJson(reading.timestamp().toString(), reading.powerImportW(), reading.powerExportW(),
                reading.energyImportKwh(), reading.energyExportKwh(), reading.gasM3(),
                reading.gasTimestamp() == null ? null : reading.gasTimestamp().toString());
    }

    /** Only numbers and ISO instants: nothing in a line needs quoting. */
    public String csvLine() {
        return List.of(timestamp, text(powerImportW), text(powerExportW), text(energyImportKwh), text(energyExportKwh), text(gasM3))
                .stream().collect(Collectors.joining(","));
    }

    private static String text(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value == null ? "" : value.toString();
    }
}
