package org.p1iota.camel.p1.frame;

/**
 * One framed telegram as it came off the wire: the bytes from {@code /} up to and including {@code !}
 * ({@link #bodyLength()} of them) followed by the stated CRC digits, if any.
 *
 * @param bytes      the raw bytes, {@code /} first; not copied, do not modify
 * @param offset     byte offset of the {@code /} in the input stream
 * @param bodyLength number of bytes from {@code /} through {@code !}
 * @param crc         whether a CRC was stated and whether it matched
 * @param computedCrc the CRC-16/ARC of the body
 */
public record Frame(byte[] bytes, long offset, int bodyLength, CrcStatus crc, int computedCrc) {

    /** The CRC digits as stated after {@code !} (empty when absent). */
    public String statedCrc() {
        return new String(bytes, bodyLength, bytes.length - bodyLength, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
