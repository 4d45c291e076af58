package org.p1iota.camel.p1.parse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Reads the typed values of COSEM lines straight from the telegram bytes: decimals with units,
 * timestamps with their S/W flag, hex text. No regular expressions and no intermediate strings on the
 * numeric path.
 */
final class ValueReader {

    /** P1 meters in NL, BE, LU, AT and SE all keep Central European time. */
    static final ZoneId METER_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final ZoneOffset WINTER = ZoneOffset.ofHours(1);
    private static final ZoneOffset SUMMER = ZoneOffset.ofHours(2);

    /** Dates meters send when they have no real one; they mean "no value", not an error. */
    private static final Set<String> PLACEHOLDER_DATES = Set.of("632525252525", "000101000001", "000101000000", "000101010000",
            "700101010000", "000000000000");

    /** The value of each byte as a hex digit (either case), -1 for bytes that are not one. */
    private static final byte[] HEX_DIGITS = new byte[256];

    static {
        java.util.Arrays.fill(HEX_DIGITS, (byte) -1);
        for (int i = 0; i < 16; i++) {
            HEX_DIGITS["0123456789abcdef".charAt(i)] = (byte) i;
            HEX_DIGITS["0123456789ABCDEF".charAt(i)] = (byte) i;
        }
    }

    /** The longest unit: kvarh. */
    private static final int MAX_UNIT_LENGTH = 5;

    private ValueReader() {
    }

    /** A decimal number such as {@code 000123.456} or {@code -063}. */
    static BigDecimal decimal(byte[] b, int start, int end) throws FieldProblem {
        if (start >= end) {
            throw new FieldProblem("empty number");
        }
        boolean negative = b[start] == '-';
        int first = negative ? start + 1 : start;
        if (end - first > 18) {
            return wideDecimal(b, start, end, negative);
        }
        // at most 18 characters: the digits fit a long, so the loop needs no overflow test
        long unscaled = 0;
        int dot = -1;
        for (int i = first; i < end; i++) {
            int digit = b[i] - '0';
            if (Integer.compareUnsigned(digit, 9) <= 0) {
                unscaled = unscaled * 10 + digit;
            } else if (b[i] == '.' && dot < 0) {
                dot = i;
            } else {
                throw new FieldProblem("not a number");
            }
        }
        if (end - first == (dot < 0 ? 0 : 1)) {
            throw new FieldProblem("not a number");
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, dot < 0 ? 0 : end - dot - 1);
    }

    /** {@link #decimal} for long text: digit by digit, and as text beyond 18 digits. */
    private static BigDecimal wideDecimal(byte[] b, int start, int end, boolean negative) throws FieldProblem {
        int i = negative ? start + 1 : start;
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        for (; i < end; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                }
                if (++digits > 18) {
                    return bigDecimal(b, start, end);
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                throw new FieldProblem("not a number");
            }
        }
        if (digits == 0) {
            throw new FieldProblem("not a number");
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }

    private static BigDecimal bigDecimal(byte[] b, int start, int end) throws FieldProblem {
        try {
            return new BigDecimal(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException e) {
            throw new FieldProblem("not a number");
        }
    }

    /** A whole number such as {@code 00013}. */
    static long integer(byte[] b, int start, int end) throws FieldProblem {
        if (start >= end || end - start > 18) {
            throw new FieldProblem("not a whole number");
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = b[i] - '0';
            if (Integer.compareUnsigned(digit, 9) > 0) {
                throw new FieldProblem("not a whole number");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * Where the number ends and the unit begins: the {@code *} separator, or (old meters write
     * {@code 000123.456kWh}) the first letter; -1 when the value has no unit. Units are short, so the
     * {@code *} is looked for near the end first.
     */
    static int unitSeparator(byte[] b, int start, int end) {
        for (int i = end - 1, stop = Math.max(start, end - MAX_UNIT_LENGTH - 1); i >= stop; i--) {
            if (b[i] == '*') {
                return i;
            }
        }
        for (int i = start; i < end; i++) {
            int lower = b[i] | 0x20;
            if (lower >= 'a' && lower <= 'z') {
                return i;
            }
        }
        return -1;
    }

    /** The first byte of the unit, given {@link #unitSeparator}. */
    static int unitStart(byte[] b, int separator) {
        return b[separator] == '*' ? separator + 1 : separator;
    }

    /** Whether the bytes equal the ASCII text, ignoring case (meters write {@code kWh}, {@code KWH}, ...). */
    static boolean unitIs(byte[] b, int start, int end, String unit) {
        if (end - start != unit.length()) {
            return false;
        }
        for (int i = 0; i < unit.length(); i++) {
            int c = b[start + i] | 0x20;
            if (c != (unit.charAt(i) | 0x20)) {
                return false;
            }
        }
        return true;
    }

    /** Units M-Bus devices send, as shared strings: a reading's unit is then no new string. */
    private static final String[] COMMON_UNITS = {"m3", "GJ", "kWh", "MWh"};

    /** A unit as text; the Latin-1 {@code ³} some meters send becomes {@code 3}. */
    static String unit(byte[] b, int start, int end) {
        for (String common : COMMON_UNITS) {
            if (sameText(b, start, end, common)) {
                return common;
            }
        }
        StringBuilder text = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            int c = b[i] & 0xFF;
            text.append(c == 0xB3 ? '3' : (char) c);
        }
        return text.toString();
    }

    /** Whether the bytes are exactly the text, case and all ({@code ³} counting as {@code 3}). */
    private static boolean sameText(byte[] b, int start, int end, String text) {
        if (end - start != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            int c = b[start + i] & 0xFF;
            if ((c == 0xB3 ? '3' : c) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A timestamp {@code YYMMDDhhmmss} with an optional {@code S} (summer, +02:00) or {@code W}
     * (winter, +01:00) flag; without a flag the offset comes from the zone rules. Placeholder dates
     * give null.
     */
    static OffsetDateTime timestamp(byte[] b, int start, int end) throws FieldProblem {
        return timestamp(b, start, end, null);
    }

    /** {@link #timestamp(byte[], int, int)} taking the date from {@code dates} when given (a parser's). */
    static OffsetDateTime timestamp(byte[] b, int start, int end, MeterDates dates) throws FieldProblem {
        int length = end - start;
        if (length != 12 && length != 13) {
            throw new FieldProblem("not a timestamp YYMMDDhhmmss[S|W]");
        }
        if (isPlaceholder(b, start)) {
            return null;
        }
        int yy = twoDigits(b, start);
        int month = twoDigits(b, start + 2);
        int day = twoDigits(b, start + 4);
        int hour = twoDigits(b, start + 6);
        int minute = twoDigits(b, start + 8);
        int second = twoDigits(b, start + 10);
        try {
            LocalDate date = dates == null ? LocalDate.of(2000 + yy, month, day) : dates.of(yy, month, day);
            LocalDateTime local = LocalDateTime.of(date, LocalTime.of(hour, minute, second));
            if (length == 12) {
                return local.atZone(METER_ZONE).toOffsetDateTime();
            }
            byte flag = b[start + 12];
            if (flag == 'W' || flag == 'w') {
                return OffsetDateTime.of(local, WINTER);
            }
            if (flag == 'S' || flag == 's') {
                return OffsetDateTime.of(local, SUMMER);
            }
            throw new FieldProblem("timestamp flag is neither S nor W");
        } catch (DateTimeException e) {
            throw new FieldProblem("impossible date or time");
        }
    }

    private static boolean isPlaceholder(byte[] b, int start) {
        // every placeholder starts with 63, 00 or 70; real dates this century rarely do, so this is cheap
        byte first = b[start];
        if (first != '6' && first != '0' && first != '7') {
            return false;
        }
        return PLACEHOLDER_DATES.contains(new String(b, start, 12, StandardCharsets.ISO_8859_1));
    }

    private static int twoDigits(byte[] b, int at) throws FieldProblem {
        int high = b[at] - '0';
        int low = b[at + 1] - '0';
        if (high < 0 || high > 9 || low < 0 || low > 9) {
            throw new FieldProblem("not a timestamp YYMMDDhhmmss[S|W]");
        }
        return high * 10 + low;
    }

    /**
     * Hex text decoded to ASCII when it is an even number of hex digits that decode to printable
     * characters; otherwise the text as sent (ids such as {@code 621848012D2C0B0C} are not text).
     */
    static String hexText(byte[] b, int start, int end) {
        int length = end - start;
        if (length == 0 || (length & 1) != 0) {
            return latin1(b, start, end);
        }
        byte[] decoded = new byte[length / 2];
        for (int i = start, o = 0; i < end; i += 2, o++) {
            int high = HEX_DIGITS[b[i] & 0xFF];
            int low = HEX_DIGITS[b[i + 1] & 0xFF];
            int c = high << 4 | low;
            if ((high | low) < 0 || c < 0x20 || c > 0x7E) {
                return latin1(b, start, end);
            }
            decoded[o] = (byte) c;
        }
        return new String(decoded, StandardCharsets.ISO_8859_1);
    }

    static String latin1(byte[] b, int start, int end) {
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
