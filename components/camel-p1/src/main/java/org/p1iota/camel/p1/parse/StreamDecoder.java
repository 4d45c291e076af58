package org.p1iota.camel.p1.parse;

/**
 * Bytes of a P1 stream in, telegrams and rejected frames out (to a {@link TelegramListener}). Plain
 * telegrams: {@link TelegramDecoder}; encrypted (DLMS) frames: the crypto package's decoder.
 */
public interface StreamDecoder {

    void feed(byte[] data, int offset, int count);

    /** End of the stream or of a connection: whatever was half-read is reported as incomplete. */
    void finish();

    /** Bytes seen outside any frame. */
    long skippedBytes();
}
