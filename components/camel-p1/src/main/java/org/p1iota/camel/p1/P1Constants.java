package org.p1iota.camel.p1;

import org.apache.camel.spi.Metadata;

/** Headers the p1 consumer sets; the body is the {@link org.p1iota.camel.p1.model.Telegram}. */
public final class P1Constants {

    @Metadata(description = "The meter's timestamp of the telegram, with the offset its S/W flag states",
              javaType = "java.time.OffsetDateTime")
    public static final String TIMESTAMP = "CamelP1Timestamp";
    @Metadata(description = "The meter's equipment id (hex-decoded when printable)", javaType = "String")
    public static final String EQUIPMENT_ID = "CamelP1EquipmentId";
    @Metadata(description = "CRC verdict: valid, absent, or invalid (lenient mode only)", javaType = "String")
    public static final String CRC = "CamelP1Crc";
    @Metadata(description = "Byte offset of the telegram (or rejected frame) in the stream since the source was opened",
              javaType = "long")
    public static final String OFFSET = "CamelP1Offset";
    @Metadata(description = "The source the bytes came from, e.g. serial /dev/ttyUSB0 115200 8N1", javaType = "String")
    public static final String SOURCE = "CamelP1Source";
    @Metadata(description = "The telegram exactly as received, from / through the CRC digits", javaType = "byte[]")
    public static final String RAW = "CamelP1Raw";
    @Metadata(description = "On a rejected frame: why (CRC_MISMATCH, MISSING_CRC, MALFORMED_CRC, INCOMPLETE, OVERSIZE,"
                            + " UNPARSABLE, DECRYPTION_FAILED)",
              javaType = "org.p1iota.camel.p1.frame.RejectReason")
    public static final String REJECT_REASON = "CamelP1RejectReason";

    private P1Constants() {
    }
}
