package org.p1iota.camel.p1.frame;

/** What the end of a telegram said about its checksum. */
public enum CrcStatus {
    /** The stated CRC matches the bytes. */
    VALID,
    /** The telegram has no CRC (DSMR 2.2/3.0 and other pre-DSMR-4 meters). */
    ABSENT,
    /** The stated CRC does not match; only ever seen on a parsed telegram in lenient mode. */
    INVALID;

    /** The lower-case name used in JSON ({@code valid}, {@code absent}, {@code invalid}). */
    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
