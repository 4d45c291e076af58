package org.p1iota.camel.p1.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * The gas reading, picked from the M-Bus devices: the first device of type 3 with a reading that has
 * a unit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GasReading(int channel, BigDecimal value, String unit,
        @JsonSerialize(using = ToStringSerializer.class) OffsetDateTime timestamp) {
}
