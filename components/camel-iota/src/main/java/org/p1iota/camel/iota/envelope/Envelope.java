package org.p1iota.iota.envelope;

import java.util.Arrays;

import org.p1iota.iota.envelope.EnvelopeException.Reason;

/**
 * A sealed secret: the KEM encapsulation and the AES-256-GCM ciphertext, under a header naming
 * format version and scheme. Immutable; its bytes and trytes are public (they travel on the
 * tangle) and reveal nothing but the scheme and the plaintext length.
 */
public final class Envelope {

    private final EnvelopeScheme scheme;
    private final byte[] encapsulation;
    private final byte[] sealed;

    Envelope(EnvelopeScheme scheme, byte[] encapsulation, byte[] sealed) {
        this.scheme = scheme;
        this.encapsulation = encapsulation.clone();
        this.sealed = sealed.clone();
    }

    public EnvelopeScheme scheme() {
        return scheme;
    }

    /** The binary form: header, encapsulation, ciphertext with tag. */
    public byte[] toBytes() {
        byte[] bytes = new byte[EnvelopeFormat.HEADER_LENGTH + encapsulation.length + sealed.length];
        System.arraycopy(header(), 0, bytes, 0, EnvelopeFormat.HEADER_LENGTH);
        System.arraycopy(encapsulation, 0, bytes, EnvelopeFormat.HEADER_LENGTH, encapsulation.length);
        System.arraycopy(sealed, 0, bytes, EnvelopeFormat.HEADER_LENGTH + encapsulation.length, sealed.length);
        return bytes;
    }

    /** The tryte form: {@link #toBytes()} in the dense base-27 encoding of package-info. */
    public String toTrytes() {
        return DenseTrytes.encode(toBytes());
    }

    /** Zero-value transactions the tryte form fills (2187 message trytes each). */
    public int transactions() {
        int trytes = DenseTrytes.trytesFor(EnvelopeFormat.HEADER_LENGTH + encapsulation.length + sealed.length);
        return (trytes + EnvelopeFormat.TRANSACTION_MESSAGE_TRYTES - 1) / EnvelopeFormat.TRANSACTION_MESSAGE_TRYTES;
    }

    /** Reads the binary form; the input must be exactly one envelope. */
    public static Envelope fromBytes(byte[] bytes) throws EnvelopeException {
        EnvelopeScheme scheme = readHeaderScheme(bytes);
        int expected = expectedLength(scheme, bytes);
        if (bytes.length != expected) {
            throw new EnvelopeException(Reason.MALFORMED, "the header announces " + expected
                    + " bytes, the input has " + bytes.length + (bytes.length < expected ? " (truncated)" : ""));
        }
        int kemEnd = EnvelopeFormat.HEADER_LENGTH + scheme.encapsulationLength();
        return new Envelope(scheme, Arrays.copyOfRange(bytes, EnvelopeFormat.HEADER_LENGTH, kemEnd),
                Arrays.copyOfRange(bytes, kemEnd, bytes.length));
    }

    /**
     * Reads the tryte form as it comes out of a bundle's message fragments: trailing '9' trytes
     * (transaction padding) after the envelope are ignored, and trailing '9' trytes of the envelope
     * that a reader stripped as padding are restored. Anything else after it is refused.
     */
    public static Envelope fromTrytes(CharSequence trytes) throws EnvelopeException {
        if (trytes.length() < DenseTrytes.CHUNK_TRYTES) {
            throw new EnvelopeException(Reason.MALFORMED, "too short for an envelope: " + trytes.length() + " trytes");
        }
        byte[] firstChunk = DenseTrytes.decode(trytes.subSequence(0, DenseTrytes.CHUNK_TRYTES));
        EnvelopeScheme scheme = readHeaderScheme(firstChunk);
        int length = DenseTrytes.trytesFor(expectedLength(scheme, firstChunk));
        for (int i = length; i < trytes.length(); i++) {
            if (trytes.charAt(i) != '9') {
                throw new EnvelopeException(Reason.MALFORMED, "unexpected trytes after the envelope, at " + i);
            }
        }
        StringBuilder exact = new StringBuilder(length).append(trytes, 0, Math.min(length, trytes.length()));
        while (exact.length() < length) {
            exact.append('9');
        }
        return fromBytes(DenseTrytes.decode(exact));
    }

    /** Checks version and scheme, in that order, so a newer format is reported as such. */
    private static EnvelopeScheme readHeaderScheme(byte[] bytes) throws EnvelopeException {
        if (bytes.length < EnvelopeFormat.HEADER_LENGTH) {
            throw new EnvelopeException(Reason.MALFORMED, "too short for an envelope: " + bytes.length + " bytes");
        }
        if (bytes[0] != EnvelopeFormat.VERSION) {
            throw new EnvelopeException(Reason.UNSUPPORTED_VERSION, "envelope format version " + (bytes[0] & 0xff)
                    + "; this release reads version " + EnvelopeFormat.VERSION);
        }
        return EnvelopeScheme.byId(bytes[1]).orElseThrow(() -> new EnvelopeException(Reason.UNKNOWN_SCHEME,
                "scheme id " + (bytes[1] & 0xff) + " is not known to this release"));
    }

    private static int expectedLength(EnvelopeScheme scheme, byte[] bytes) throws EnvelopeException {
        int sealedLength = (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
        if (sealedLength < EnvelopeFormat.TAG_LENGTH
                || sealedLength > EnvelopeFormat.MAX_PLAINTEXT_LENGTH + EnvelopeFormat.TAG_LENGTH) {
            throw new EnvelopeException(Reason.MALFORMED, "sealed length " + sealedLength + " is out of range");
        }
        return EnvelopeFormat.HEADER_LENGTH + scheme.encapsulationLength() + sealedLength;
    }

    byte[] header() {
        return EnvelopeFormat.header(scheme, sealed.length);
    }

    byte[] encapsulation() {
        return encapsulation.clone();
    }

    byte[] sealed() {
        return sealed.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Envelope that && scheme == that.scheme
                && Arrays.equals(encapsulation, that.encapsulation) && Arrays.equals(sealed, that.sealed);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * scheme.hashCode() + Arrays.hashCode(encapsulation)) + Arrays.hashCode(sealed);
    }

    @Override
    public String toString() {
        return "Envelope[" + scheme + ", " + (sealed.length - EnvelopeFormat.TAG_LENGTH) + " plaintext bytes, "
                + transactions() + " transaction(s)]";
    }
}
