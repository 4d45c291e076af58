package org.p1iota.camel.p1.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.p1iota.camel.p1.frame.CrcStatus;

/**
 * One P1 telegram, read into typed values. Energy is in kWh, power in kW whatever unit the meter used
 * (Austrian and some German meters send Wh and W). Fields the telegram did not carry are null; every
 * line, known or not, is also kept as raw text in {@link #obis()}.
 *
 * @param header                   the identification line including the leading {@code /}
 * @param manufacturer             the three-letter manufacturer flag from the header (e.g. {@code ISk})
 * @param p1Version                P1 version ({@code 1-3:0.2.8}), e.g. {@code 50}
 * @param emucsVersion             Belgian e-MUCS version information ({@code 0-0:96.1.4}), e.g. {@code 50217}
PLACEHOLDER              when the meter produced the telegram, with the offset its S/W flag states
 * @param equipmentId              the meter's id ({@code 96.1.1}, {@code 96.1.0} or Luxembourg's {@code 42.0.0}), hex-decoded when printable
 * @param energyImportTariff1      kWh taken from the grid, tariff 1 ({@code 1-0:1.8.1})
 * @param energyImportTariff2      kWh taken from the grid, tariff 2 ({@code 1-0:1.8.2})
 * @param energyExportTariff1      kWh fed into the grid, tariff 1 ({@code 1-0:2.8.1})
 * @param energyExportTariff2      kWh fed into the grid, tariff 2 ({@code 1-0:2.8.2})
 * @param energyImportTotal        kWh taken, all tariffs ({@code 1-0:1.8.0})
 * @param energyExportTotal        kWh fed in, all tariffs ({@code 1-0:2.8.0})
 * @param powerImport              kW being taken now ({@code 1-0:1.7.0})
 * @param powerExport              kW being fed in now ({@code 1-0:2.7.0})
 * @param tariffIndicator          the tariff in force ({@code 0-0:96.14.0})
 * @param reactiveEnergyImportTotal kvarh ({@code 1-0:3.8.0}), Luxembourg and Austria
 * @param reactiveEnergyExportTotal kvarh ({@code 1-0:4.8.0})
 * @param powerFailures            number of power failures in any phase ({@code 96.7.21})
 * @param longPowerFailures        number of long power failures ({@code 96.7.9})
 * @param powerFailureLog          the long power failure log ({@code 1-0:99.97.0})
 * @param textMessage              the text message ({@code 96.13.0}), hex-decoded when printable
 * @param textMessageCode          the text message code ({@code 96.13.1})
 * @param phases                   per-phase voltage, current, power and sag/swell counters
 * @param mbus                     the M-Bus devices by channel, in telegram order
 * @param gas                      the gas reading: the first M-Bus device of type 3 with a unit
 * @param currentAverageDemand     Belgian capacity tariff: kW of the running quarter hour ({@code 1-0:1.4.0})
 * @param maxDemandThisMonth       Belgian capacity tariff: this month's peak ({@code 1-0:1.6.0})
 * @param maxDemandHistory         Belgian capacity tariff: monthly peaks ({@code 0-0:98.1.0})
 * @param crc                      {@code valid}, {@code absent}, or {@code invalid} (lenient mode only)
 * @param obis                     every OBIS code to its raw value strings, per line in telegram order
 * @param unknownObis              OBIS codes this parser has no typed field for (kept in {@link #obis()})
 * @param fieldErrors              lines whose value did not fit their OBIS code (lenient mode only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Telegram(
        String header,
        String manufacturer,
        String p1Version,
        String emucsVersion,
        @JsonSerialize(using = ToStringSerializer.class) OffsetDateTime timestamp,
        String equipmentId,
        BigDecimal energyImportTariff1,
        BigDecimal energyImportTariff2,
        BigDecimal energyExportTariff1,
        BigDecimal energyExportTariff2,
        BigDecimal energyImportTotal,
        BigDecimal energyExportTotal,
        BigDecimal powerImport,
        BigDecimal powerExport,
        Integer tariffIndicator,
        BigDecimal reactiveEnergyImportTotal,
        BigDecimal reactiveEnergyExportTotal,
        Long powerFailures,
        Long longPowerFailures,
        List<PowerFailure> powerFailureLog,
        String textMessage,
        String textMessageCode,
        List<PhaseReadings> phases,
        List<MBusDevice> mbus,
        GasReading gas,
        BigDecimal currentAverageDemand,
        PeakDemand maxDemandThisMonth,
        List<PeakDemand> maxDemandHistory,
        CrcStatus crc,
        Map<String, List<String>> obis,
        List<String> unknownObis,
        List<FieldError> fieldErrors) {
}
