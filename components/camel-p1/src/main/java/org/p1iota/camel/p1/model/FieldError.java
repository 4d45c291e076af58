package org.p1iota.camel.p1.model;

/**
 * A line of a telegram whose value could not be read as its OBIS code requires (wrong unit, not a
 * number, impossible date). In strict mode any field error rejects the telegram; in lenient mode the
 * telegram is kept, the field left empty and the error listed here. The raw value stays in
 * {@link Telegram#obis()}.
 */
public record FieldError(String obis, String value, String problem) {
}
