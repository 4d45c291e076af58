package org.p1iota.app.provider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.p1iota.app.consent.message.Readings;

/**
 * A scoped channel's record as a stored reading: at the interval's end, with the registers read at the
 * end, the average power, the last gas reading; whatever the scope left out is null. The record's JSON
 * is kept where a telegram's raw text would be.
 */
final class ScopedValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScopedValues() {
    }

    static StoredReading read(String household, Readings.Interval record) {
        OffsetDateTime end = record.endTime();
        Readings.Registers registers = record.atEnd();
        Readings.Power power = record.power();
        Readings.Gas gas = record.gas();
        String raw;
        try {
            raw = JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            raw = "";
        }
        return new StoredReading(household, end.toEpochSecond(), end.toInstant(),
                registers == null ? null : registers.importTariff1(), registers == null ? null : registers.importTariff2(),
                registers == null ? null : registers.exportTariff1(), registers == null ? null : registers.exportTariff2(),
                power == null ? null : watts(power.importKw()), power == null ? null : watts(power.exportKw()),
                gas == null ? null : gas.m3(), gas == null ? null : OffsetDateTime.parse(gas.at()).toInstant(), raw);
    }

    private static Integer watts(BigDecimal kw) {
        return kw == null ? null : kw.multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
