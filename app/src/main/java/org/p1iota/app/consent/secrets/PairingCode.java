package org.p1iota.app.consent.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The secret printed on a device: 20 symbols of Crockford's base32 (100 bits from a SecureRandom),
 * shown as five groups of four, e.g. {@code 7K3M-Q9XD-2HZA-W4PN-E8RT}. Whoever knows it can pair the
 * device. User input is forgiving as Crockford intends: case, spaces and dashes do not matter,
 * {@code O} reads as 0 and {@code I}/{@code L} as 1. {@link #toString()} hides the code.
 */
public final class PairingCode {

    public static final int SYMBOLS = 20;
    public static final int ENTROPY_BITS = SYMBOLS * 5;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final String canonical;

    private PairingCode(String canonical) {
        this.canonical = canonical;
    }

    public static PairingCode generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(SYMBOLS);
        for (int i = 0; i < SYMBOLS; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new PairingCode(code.toString());
    }

    /** Reads a code as a person typed it; the exception names what is wrong, never the code itself. */
    public static PairingCode parse(String typed) throws InvalidPairingCodeException {
        if (typed == null) {
            throw new InvalidPairingCodeException("no pairing code given");
        }
        StringBuilder code = new StringBuilder(SYMBOLS);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ' || c == '\t') {
                continue;
            }
            char symbol = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(symbol) < 0) {
                throw new InvalidPairingCodeException("a pairing code holds only digits and the letters A-Z without U;"
                        + " found '" + (Character.isISOControl(c) ? '?' : c) + "'");
            }
            code.append(symbol);
            if (code.length() > SYMBOLS) {
                break;
            }
        }
        if (code.length() != SYMBOLS) {
            throw new InvalidPairingCodeException("a pairing code has " + SYMBOLS + " letters and digits (groups of four)");
        }
        return new PairingCode(code.toString());
    }

    /** The code as printed on the device: five groups of four separated by dashes. */
    public String formatted() {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < SYMBOLS; i += 4) {
            grouped.append(i == 0 ? "" : "-").append(canonical, i, i + 4);
        }
        return grouped.toString();
    }

    /** The 20 canonical symbols as ASCII, the form every derivation uses. */
    public byte[] canonicalAscii() {
        return canonical.getBytes(StandardCharsets.US_ASCII);
    }

    String canonical() {
        return canonical;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PairingCode code
                && MessageDigest.isEqual(canonicalAscii(), code.canonicalAscii());
    }

    @Override
    public int hashCode() {
        return 0x5eed; // deliberately constant: no information about the code leaks through hashing
    }

    @Override
    public String toString() {
        return "PairingCode[hidden]";
    }
}
