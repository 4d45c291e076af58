package org.p1iota.camel.p1.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * A quarter-hour peak of the Belgian capacity tariff: {@code 1-0:1.6.0} (this month) or an entry of the
 * {@code 0-0:98.1.0} history.
 *
 * @param period when the history entry's month starts (null for {@code 1.6.0})
 * @param time   when the peak occurred
 * @param power  the average power of that quarter hour in kW
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeakDemand(@JsonSerialize(using = ToStringSerializer.class) OffsetDateTime period,
        @JsonSerialize(using = ToStringSerializer.class) OffsetDateTime time,
        java.math.BigDecimal power) {

    public static PeakDemand of(OffsetDateTime time, BigDecimal power) {
        return new PeakDemand(null, time, power);
    }
}
