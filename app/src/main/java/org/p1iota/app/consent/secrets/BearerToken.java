package org.p1iota.app.consent.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A token for {@code Authorization: Bearer} on the HTTP APIs: 256 random bits as 43 characters of
 * unpadded base64url. Compared in constant time; {@link #toString()} hides it.
 */
public final class BearerToken {

    public static final int BYTES = 32;
    private static final int LENGTH = 43;

    private final String value;

    private BearerToken(String value) {
        this.value = value;
    }

    public static BearerToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new BearerToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public static BearerToken of(String value) {
        if (value == null || value.length() != LENGTH || !value.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("a token is " + LENGTH + " characters of unpadded base64url");
        }
        return new BearerToken(value);
    }

    /** Whether a presented token (e.g. from an Authorization header) is this one; constant time. */
    public boolean matches(String presented) {
        byte[] expected = value.getBytes(StandardCharsets.US_ASCII);
        byte[] given = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** The token itself, to hand to the owner once; never log it. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "BearerToken[hidden]";
    }
}
