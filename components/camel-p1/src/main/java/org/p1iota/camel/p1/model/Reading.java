package org.p1iota.camel.p1.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * A meter reading of an M-Bus device (gas, water, heat, slave electricity), with the time the device
 * took it, which is not the telegram's time.
 *
 * @param obis      the OBIS code of the line, e.g. {@code 0-1:24.2.1}
 * @param timestamp when the device measured (null when the meter sent a placeholder date)
 * @param value     the reading as stated (units are not converted: m3, GJ, kWh as the device sends)
 * @param unit      the unit as stated, {@code m3} for a {@code m³} byte; null when none was given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reading(String obis,
        @JsonSerialize(using = ToStringSerializer.class) OffsetDateTime timestamp,
        BigDecimal value,
        String unit) {
}
