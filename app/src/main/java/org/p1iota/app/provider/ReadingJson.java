package org.p1iota.app.provider;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** A reading as the HTTP API shows it (docs/http-api.md "Reading"), and its CSV line. */
public record ReadingJson(String timestamp, Integer powerImportW, Integer powerExportW, BigDecimal energyImportKwh,
        BigDecimal energyExportKwh, BigDecimal gasM3, String gasTimestamp, List<Integer> phasePowerImportW) {

    /** 1-0:21.7.0, 41.7.0, 61.7.0: power taken on L1, L2, L3 (issue 16: per-phase power on Wattt's page). */
    private static final java.util.regex.Pattern PHASE = java.util.regex.Pattern.compile("1-0:([246])1\\.7\\.0\\(([0-9.]{1,12})\\*(k?W)\\)");

    public static final String CSV_HEADER = "timestamp,powerImportW,powerExportW,energyImportKwh,energyExportKwh,gasM3";

    public static ReadingJson of(StoredReading reading) {
        return new ReadingJson(reading.timestamp().toString(), reading.powerImportW(), reading.powerExportW(),
                reading.energyImportKwh(), reading.energyExportKwh(), reading.gasM3(),
                reading.gasTimestamp() == null ? null : reading.gasTimestamp().toString(), phases(reading.raw()));
    }

    /** Read from the stored telegram's own lines (CRC-checked when stored); null where a phase was not sent. */
    static List<Integer> phases(String raw) {
        if (raw == null) {
            return null;
        }
        Integer[] watts = new Integer[3];
        java.util.regex.Matcher line = PHASE.matcher(raw);
        boolean any = false;
        while (line.find()) {
            try {
                BigDecimal value = new BigDecimal(line.group(2));
                int w = (line.group(3).equals("kW") ? value.movePointRight(3) : value).setScale(0, java.math.RoundingMode.HALF_UP).intValue();
                watts[(line.group(1).charAt(0) - '2') / 2] = w;
                any = true;
            } catch (NumberFormatException e) {
                // a malformed value stays null
            }
        }
        return any ? java.util.Arrays.asList(watts) : null;
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
