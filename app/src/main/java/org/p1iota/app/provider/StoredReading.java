package org.p1iota.app.provider;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One telegram as the provider stores it. Energy in kWh per tariff (null when the meter did not send
 * it), power in whole watts, gas in m3 with the time the gas meter measured.
 */
public record StoredReading(String household, long sequence, Instant timestamp, BigDecimal energyImportTariff1,
        BigDecimal energyImportTariff2, BigDecimal energyExportTariff1, BigDecimal energyExportTariff2,
        Integer powerImportW, Integer powerExportW, BigDecimal gasM3, Instant gasTimestamp, String raw) {

    /** Import over all tariffs: the sum of the tariffs sent, or null when none was. */
    public BigDecimal energyImportKwh() {
        return sum(energyImportTariff1, energyImportTariff2);
    }

    public BigDecimal energyExportKwh() {
        return sum(energyExportTariff1, energyExportTariff2);
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.add(b);
    }
}
