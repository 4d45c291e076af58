package org.p1iota.camel.p1.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Instantaneous values and quality counters of one phase (L1, L2 or L3). Null when not sent.
 *
 * @param phase         1, 2 or 3
 * @param voltage       V
 * @param current       A
 * @param powerImport   kW taken from the grid on this phase
 * @param powerExport   kW fed into the grid on this phase
 * @param voltageSags   number of voltage sags
 * @param voltageSwells number of voltage swells
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhaseReadings(int phase, BigDecimal voltage, BigDecimal current, BigDecimal powerImport,
        BigDecimal powerExport, Long voltageSags, Long voltageSwells) {
}
