package org.p1iota.camel.p1.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.p1iota.camel.p1.frame.CrcStatus;
import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.model.FieldError;
import org.p1iota.camel.p1.model.Telegram;

/**
 * Reads the lines of a framed telegram: the header, then {@code A-B:C.D.E(value)(value)...} lines
 * (a line that starts with {@code (} continues the previous one, as the DSMR 3 gas value does). Every
 * line is kept as raw text; known codes are typed by {@link TelegramAssembler}.
 * <p>
 * Strict mode rejects a telegram with any line that is not OBIS or whose value does not fit its code;
 * lenient mode keeps the telegram and lists those lines as {@link FieldError}s. Bytes outside ASCII
 * are carried through as Latin-1 text and never throw anything but a field error.
 * <p>
 * Works on byte offsets, without regular expressions. Not thread-safe (it reuses its offset arrays);
 * use one per thread.
 */
public final class TelegramParser {

    private final boolean lenient;
    private int[] starts = new int[16];
    private int[] ends = new int[16];

    public TelegramParser(boolean lenient) {
        this.lenient = lenient;
    }

    public Telegram parse(Frame frame) throws TelegramFormatException {
        return parse(frame.bytes(), frame.bodyLength(), frame.crc());
    }

    /**
     * @param b          the telegram, {@code /} first
     * @param bodyLength bytes from {@code /} through {@code !}
     * @param crc        what the framer found about the CRC
     */
    public Telegram parse(byte[] b, int bodyLength, CrcStatus crc) throws TelegramFormatException {
        int end = bodyLength - 1; // the '!'
        int eol = lineEnd(b, 0, end);
        if (eol == end || eol < 2) {
            throw new TelegramFormatException("no identification line: \"/XXXn...\" followed by a line end");
        }
        String header = new String(b, 0, eol, StandardCharsets.ISO_8859_1);
        TelegramAssembler assembler = new TelegramAssembler();
        Map<String, List<String>> obis = new LinkedHashMap<>(64);
        List<String> unknown = new ArrayList<>(4);
        List<FieldError> errors = new ArrayList<>(0);
        Line pending = null;
        int pos = eol;
        while (pos < end) {
            byte c = b[pos];
            if (c == '\r' || c == '\n') {
                pos++;
                continue;
            }
            eol = logicalLineEnd(b, pos, end);
            if (c == '(' && pending != null) {
                if (!values(b, pos, eol, pending)) {
                    problem(errors, pending.code, text(b, pos, eol), "continuation line is not (value)...");
                }
            } else {
                if (pending != null) {
                    dispatch(b, pending, assembler, obis, unknown, errors);
                }
                pending = obisLine(b, pos, eol);
                if (pending == null) {
                    problem(errors, text(b, pos, Math.min(eol, pos + 24)), text(b, pos, eol), "not an OBIS line A-B:C.D.E(value)");
                }
            }
            pos = eol;
        }
        if (pending != null) {
            dispatch(b, pending, assembler, obis, unknown, errors);
        }
        return assembler.build(header, crc, Collections.unmodifiableMap(obis), unknown, errors);
    }

    /** An OBIS line being read: its code and the offsets of its values in {@link #starts}/{@link #ends}. */
    private static final class Line {
        String code;
        int a;
        int b;
        int cde;
        int count;
        boolean malformed;
    }

    private Line obisLine(byte[] b, int pos, int eol) {
        int[] groups = new int[6];
        int g = 0;
        int i = pos;
        int value = -1;
        for (; i < eol && b[i] != '('; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else if (value >= 0 && g < 5 && (c == separator(g) || (g == 4 && c == '*'))) {
                groups[g++] = value;
                value = -1;
            } else {
                return null;
            }
        }
        if (value < 0 || g < 4 || i == eol) {
            return null;
        }
        groups[g++] = value;
        Line line = new Line();
        line.a = groups[0];
        line.b = groups[1];
        line.cde = ObisKeys.key(groups[2], groups[3], groups[4]);
        line.code = g == 6 && groups[5] != 255 ? text(b, pos, i)
                : g == 5 ? text(b, pos, i) : line.a + "-" + line.b + ":" + groups[2] + "." + groups[3] + "." + groups[4];
        line.malformed = !values(b, i, eol, line);
        return line;
    }

    private static byte separator(int group) {
        return switch (group) {
            case 0 -> '-';
            case 1 -> ':';
            default -> '.';
        };
    }

    /** Reads {@code (value)(value)...} up to the line end; false when the line does not have that shape. */
    private boolean values(byte[] b, int pos, int eol, Line line) {
        int i = pos;
        while (i < eol) {
            if (b[i] != '(') {
                return false;
            }
            int close = i + 1;
            while (close < eol && b[close] != ')') {
                close++;
            }
            if (close == eol) {
                return false;
            }
            if (line.count == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
            starts[line.count] = i + 1;
            ends[line.count++] = close;
            i = close + 1;
        }
        return true;
    }

    private void dispatch(byte[] b, Line line, TelegramAssembler assembler, Map<String, List<String>> obis,
            List<String> unknown, List<FieldError> errors) throws TelegramFormatException {
        List<String> raw = new ArrayList<>(line.count);
        for (int i = 0; i < line.count; i++) {
            raw.add(valueText(b, starts[i], ends[i]));
        }
        if (line.malformed) {
            problem(errors, line.code, String.join(")(", raw), "values are not (value)(value)...");
            return;
        }
        List<String> existing = obis.putIfAbsent(line.code, raw);
        if (existing != null) {
            List<String> all = new ArrayList<>(existing);
            all.addAll(raw);
            obis.put(line.code, Collections.unmodifiableList(all));
        }
        try {
            if (existing == null && !assembler.accept(line.a, line.b, line.cde, line.code, b, starts, ends, line.count, raw)) {
                unknown.add(line.code);
            }
        } catch (FieldProblem e) {
            problem(errors, line.code, String.join(")(", raw), e.getMessage());
        }
        line.count = 0;
    }

    private void problem(List<FieldError> errors, String code, String value, String message) throws TelegramFormatException {
        if (!lenient) {
            throw new TelegramFormatException(code + "(" + value + "): " + message);
        }
        errors.add(new FieldError(code, value, message));
    }

    /**
     * The end of a data line. A line break inside parentheses does not end it: some meters wrap long
     * text messages, and the value continues on the next line.
     */
    private static int logicalLineEnd(byte[] b, int pos, int end) {
        boolean open = false;
        for (; pos < end; pos++) {
            byte c = b[pos];
            if (c == '(') {
                open = true;
            } else if (c == ')') {
                open = false;
            } else if ((c == '\r' || c == '\n') && !open) {
                return pos;
            }
        }
        return pos;
    }

    private static int lineEnd(byte[] b, int pos, int end) {
        while (pos < end && b[pos] != '\r' && b[pos] != '\n') {
            pos++;
        }
        return pos;
    }

    private static String text(byte[] b, int start, int end) {
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** A value's text; line breaks inside a wrapped value are left out. */
    private static String valueText(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (b[i] == '\r' || b[i] == '\n') {
                StringBuilder joined = new StringBuilder(end - start);
                for (int j = start; j < end; j++) {
                    if (b[j] != '\r' && b[j] != '\n') {
                        joined.append((char) (b[j] & 0xFF));
                    }
                }
                return joined.toString();
            }
        }
        return text(b, start, end);
    }
}
