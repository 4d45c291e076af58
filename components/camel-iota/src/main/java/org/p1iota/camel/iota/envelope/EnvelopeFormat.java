package org.p1iota.iota.envelope;

import java.nio.charset.StandardCharsets;

/** The constants of envelope format version 1; the layout is documented in package-info. */
final class EnvelopeFormat {

    static final byte VERSION = 0x01;
    /** version, scheme, sealed length (uint16, big-endian). */
    static final int HEADER_LENGTH = 4;
    static final int TAG_LENGTH = 16;
    static final int KEY_LENGTH = 32;
    static final int NONCE_LENGTH = 12;
    /** Envelopes carry small secrets; the limit keeps the sealed length well inside its uint16. */
    static final int MAX_PLAINTEXT_LENGTH = 4096;
    /** Message trytes of one IOTA transaction (its signatureMessageFragment). */
    static final int TRANSACTION_MESSAGE_TRYTES = 2187;

    /** HKDF info prefix: separates envelope keys from any other use of a KEM secret. */
    static final byte[] KDF_LABEL = "p1-iota/envelope/v1".getBytes(StandardCharsets.US_ASCII);
    /** SHAKE256 prefix for deriving key pairs from an IOTA seed. */
    static final byte[] DERIVATION_LABEL = "p1-iota/envelope-key/v1".getBytes(StandardCharsets.US_ASCII);

    /** The 4-byte header; it is also the start of the AEAD's associated data. */
    static byte[] header(EnvelopeScheme scheme, int sealedLength) {
        return new byte[] {VERSION, scheme.id(), (byte) (sealedLength >>> 8), (byte) sealedLength};
    }

    private EnvelopeFormat() {
    }
}
