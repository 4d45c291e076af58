package org.p1iota.iota.envelope;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.p1iota.iota.envelope.EnvelopeException.Reason;

/**
 * A recipient's public key, naming its scheme. Encoded as the scheme byte followed by the raw key,
 * in bytes, dense trytes (see package-info) or unpadded base64url (for URLs).
 */
public final class EnvelopePublicKey {

    private static final int FINGERPRINT_BYTES = 10;

    private final EnvelopeScheme scheme;
    private final byte[] raw;
    private final AsymmetricKeyParameter parameters;

    private EnvelopePublicKey(EnvelopeScheme scheme, byte[] raw, AsymmetricKeyParameter parameters) {
        this.scheme = scheme;
        this.raw = raw;
        this.parameters = parameters;
    }

    static EnvelopePublicKey of(EnvelopeScheme scheme, AsymmetricKeyParameter parameters) {
        return new EnvelopePublicKey(scheme, scheme.kem().encodePublicKey(parameters), parameters);
    }

    public EnvelopeScheme scheme() {
        return scheme;
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[1 + raw.length];
        bytes[0] = scheme.id();
        System.arraycopy(raw, 0, bytes, 1, raw.length);
        return bytes;
    }

    public String toTrytes() {
        return DenseTrytes.encode(toBytes());
    }

    public String toBase64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(toBytes());
    }

    /**
     * A short fingerprint for people to compare, e.g. on the consent page: the first 10 bytes of
     * SHA-256 over {@link #toBytes()}, as five groups of four hex digits ({@code 3f2a-91c0-...}).
     */
    public String fingerprint() {
        String hex = HexFormat.of().formatHex(sha256(toBytes()), 0, FINGERPRINT_BYTES);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            grouped.append(i == 0 ? "" : "-").append(hex, i, i + 4);
        }
        return grouped.toString();
    }

    public static EnvelopePublicKey fromBytes(byte[] bytes) throws EnvelopeException {
        if (bytes.length == 0) {
            throw new EnvelopeException(Reason.BAD_KEY, "empty public key");
        }
        EnvelopeScheme scheme = EnvelopeScheme.byId(bytes[0]).orElseThrow(() -> new EnvelopeException(
                Reason.UNKNOWN_SCHEME, "public key of scheme id " + (bytes[0] & 0xff) + ", not known to this release"));
        byte[] raw = Arrays.copyOfRange(bytes, 1, bytes.length);
        if (raw.length != scheme.publicKeyLength()) {
            throw new EnvelopeException(Reason.BAD_KEY, "a " + scheme + " public key has "
                    + scheme.publicKeyLength() + " bytes, not " + raw.length);
        }
        return new EnvelopePublicKey(scheme, raw, scheme.kem().decodePublicKey(raw));
    }

    public static EnvelopePublicKey fromTrytes(CharSequence trytes) throws EnvelopeException {
        try {
            return fromBytes(DenseTrytes.decode(trytes));
        } catch (EnvelopeException e) {
            throw e.reason() == Reason.MALFORMED ? new EnvelopeException(Reason.BAD_KEY, e.getMessage(), e) : e;
        }
    }

    public static EnvelopePublicKey fromBase64Url(String base64) throws EnvelopeException {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new EnvelopeException(Reason.BAD_KEY, "public key is not base64url", e);
        }
        return fromBytes(bytes);
    }

    AsymmetricKeyParameter parameters() {
        return parameters;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnvelopePublicKey that && scheme == that.scheme && Arrays.equals(raw, that.raw);
    }

    @Override
    public int hashCode() {
        return 31 * scheme.hashCode() + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "EnvelopePublicKey[" + scheme + " " + fingerprint() + "]";
    }
}
