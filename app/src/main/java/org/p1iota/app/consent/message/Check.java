package org.p1iota.app.consent.message;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Field checks shared by the message records. Every record checks its fields in its constructor, so
 * a message that exists is a valid one, whether it was built locally or decoded from the tangle.
 * Failures are {@link IllegalArgumentException}s naming the field; the codec turns them into
 * {@link ProtocolException}s.
 */
public final class Check {

    /** IOTA addresses, roots, side keys, challenges and proofs are all 81 trytes. */
    public static final int HASH_TRYTES = 81;

    private static final Pattern TRYTES = Pattern.compile("[9A-Z]*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    private Check() {
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    /** Exactly {@code length} trytes ({@code 9A-Z}). */
    public static String trytes(String field, String value, int length) {
        present(field, value);
        if (value.length() != length || !TRYTES.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be " + length + " trytes (9, A-Z)");
        }
        return value;
    }

    /** An address, root, side key, challenge or proof: 81 trytes. */
    public static String hash(String field, String value) {
        return trytes(field, value, HASH_TRYTES);
    }

    /** Between 1 and {@code maxLength} trytes. */
    public static String someTrytes(String field, String value, int maxLength) {
        present(field, value);
        if (value.isEmpty() || value.length() > maxLength || !TRYTES.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1 to " + maxLength + " trytes (9, A-Z)");
        }
        return value;
    }

    /** A random identifier: 8 to 64 characters of the URL-safe base64 alphabet. */
    public static String id(String field, String value) {
        present(field, value);
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 8 to 64 characters of A-Z a-z 0-9 _ -");
        }
        return value;
    }

    /** Between 1 and {@code maxLength} characters of unpadded URL-safe base64. */
    public static String base64url(String field, String value, int maxLength) {
        present(field, value);
        if (value.isEmpty() || value.length() > maxLength || !BASE64URL.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1 to " + maxLength + " characters of unpadded base64url");
        }
        return value;
    }

    /** Human text: not blank, at most {@code maxLength} characters, no control characters. */
    public static String text(String field, String value, int maxLength) {
        present(field, value);
        if (value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be 1 to " + maxLength + " characters, not blank");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        return value;
    }

    public static long notNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
        return value;
    }

    public static void same(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new IllegalArgumentException(what + ": expected " + expected + ", got " + actual);
        }
    }
}
