package org.p1iota.camel.p1.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * One entry of the long power failure log ({@code 1-0:99.97.0}).
 *
 * @param end             when power came back (null for a placeholder date)
 * @param durationSeconds how long it was out
 */
public record PowerFailure(@JsonSerialize(using = ToStringSerializer.class) OffsetDateTime end, long durationSeconds) {
}
