package org.p1iota.camel.p1.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.p1iota.camel.p1.frame.ByteScan;
import org.p1iota.camel.p1.frame.CrcStatus;
import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.model.FieldError;
import org.p1iota.camel.p1.model.RawObis;
import org.p1iota.camel.p1.model.Telegram;

/**
 * Reads the lines of a framed telegram: the header, then {@code A-B:C.D.E(value)(value)...} lines
 * (a line that starts with {@code (} continues the previous one, as the DSMR 3 gas value does, and a
 * line break inside parentheses does not end a line). Known codes are typed by
 * {@link TelegramAssembler}; every line is also kept as raw text ({@link RawObis}), whose map is made
 * from the bytes when someone first reads it.
 * <p>
 * A state machine over the bytes, one pass, from the line after the header to the {@code !}:
 * <pre>
 *   BETWEEN LINES --CR/LF--------------------&gt; BETWEEN LINES
 *   BETWEEN LINES --'(' after an OBIS line----&gt; VALUES (continuation: more values of the open line)
 *   BETWEEN LINES --anything else-------------&gt; type the open line, then CODE
 *   CODE          --digits - : . . (. or *)---&gt; VALUES       (not A-B:C.D.E: a problem, skip the line)
 *   VALUES        --(...)(...) then CR/LF/!---&gt; BETWEEN LINES (a line is open until the next code)
 * </pre>
 * Strict mode rejects a telegram with any line that is not OBIS or whose value does not fit its code;
 * lenient mode keeps the telegram and lists those lines as {@link FieldError}s. Bytes outside ASCII
 * are carried as Latin-1 text and never cause more than a field error.
 * <p>
 * Byte offsets only: no regular expressions, no per-line strings, and nothing kept from one telegram
 * for the next (a provider's parser reads thousands of households' meters in turn). Not thread-safe;
 * one per thread.
 */
public final class TelegramParser {

    private final boolean lenient;
    /** False for a parser that only finds the lines and their values, for {@link #rawObis}. */
    private final boolean typing;
    private final Values values = new Values();
    private final SeenCodes seen = new SeenCodes();
    /** Null in a parser that does not type. */
    private final FieldReader reader;
    /** The telegram being parsed; new for each (see its comment on why). */
    private TelegramAssembler assembler;
    private String header;

    // the telegram being parsed; working arrays reused
    private byte[] b;
    private int end;
    /** Per line: code start, code end, first value span, value count. */
    private int[] lines;
    private int lineCount;
    /** Per value: start and end (the bytes between the parentheses). */
    private int[] spans;
    private int spanCount;
    /** Per line: its code written as A-B:C.D.E when the telegram wrote it otherwise, else null. */
    private String[] codes;
    private boolean normalisedCodes;
    private List<FieldError> errors;
    private List<String> unknown;

    // the open line: read, not yet typed (a continuation line may still add values)
    private int lineA;
    private int lineB;
    private int lineCde;
    private long lineKey;
    private int lineField;
    private boolean lineMalformed;

    public TelegramParser(boolean lenient) {
        this(lenient, true);
    }

    private TelegramParser(boolean lenient, boolean typing) {
        this.lenient = lenient;
        this.typing = typing;
        this.reader = typing ? new FieldReader() : null;
    }

    public Telegram parse(Frame frame) throws TelegramFormatException {
        return parse(frame.bytes(), frame.bodyLength(), frame.crc());
    }

    /**
     * @param bytes      the telegram, {@code /} first; kept by the result's raw OBIS view, do not change it
     * @param bodyLength bytes from {@code /} through {@code !}
     * @param crc        what the framer found about the CRC
     */
    public Telegram parse(byte[] bytes, int bodyLength, CrcStatus crc) throws TelegramFormatException {
        TelegramAssembler telegram = new TelegramAssembler();
        assembler = telegram;
        lines(bytes, bodyLength);
        RawObis obis = new RawObis(bytes, bodyLength, TelegramParser::rawObis);
        return telegram.build(header, TelegramAssembler.manufacturer(header), crc, obis,
                unknown == null ? List.of() : unknown, errors == null ? List.of() : errors);
    }

    /**
     * The raw OBIS view of a telegram this class parsed: every line's code to its value strings, in
     * telegram order. Run by {@link RawObis} when it is first read, with a parser of its own that only
     * finds lines, so parsing a telegram does not pay for a map nobody reads.
     */
    static Map<String, List<String>> rawObis(byte[] bytes, int bodyLength) {
        TelegramParser parser = new TelegramParser(true, false);
        try {
            parser.lines(bytes, bodyLength);
        } catch (TelegramFormatException e) {
            return Map.of(); // not a telegram this class parsed: it has no identification line
        }
        return parser.rawMap();
    }

    /** Reads the header and the lines (the state machine above). */
    private void lines(byte[] bytes, int bodyLength) throws TelegramFormatException {
        b = bytes;
        if (lines == null) {
            lines = new int[64 * 4];
            spans = new int[96 * 2];
            codes = new String[64];
        }
        lineCount = 0;
        spanCount = 0;
        normalisedCodes = false;
        errors = null;
        unknown = null;
        seen.clear();
        end = bodyLength - 1; // the '!'
        int eol = lineEnd(0);
        if (eol == end || eol < 2) {
            throw new TelegramFormatException("no identification line: \"/XXXn...\" followed by a line end");
        }
        header = new String(b, 0, eol, StandardCharsets.ISO_8859_1);
        boolean open = false; // an OBIS line was read and a continuation line may still add to it
        int pos = eol;
        while (pos < end) {
            byte c = b[pos];
            if (c == '\r' || c == '\n') {
                pos++;
            } else if (c == '(' && open) {
                pos = continuation(pos);
            } else {
                if (open) {
                    typeLine();
                }
                pos = obisLine(pos);
                open = pos >= 0;
                if (!open) {
                    int next = lineEnd(-pos);
                    problem(text(-pos, Math.min(next, -pos + 24)), text(-pos, next), "not an OBIS line A-B:C.D.E(value)");
                    pos = next;
                }
            }
        }
        if (open) {
            typeLine();
        }
    }

    /** A line of values only: they belong to the open line. Returns where it ends. */
    private int continuation(int pos) throws TelegramFormatException {
        int next = values(pos);
        if (next < 0) {
            next = lineEnd(-next);
            problem(codeText(lineCount - 1), text(pos, next), "continuation line is not (value)...");
        }
        return next;
    }

    /** The lines read by {@link #lines} as the raw OBIS map. */
    private Map<String, List<String>> rawMap() {
        Map<String, List<String>> map = new LinkedHashMap<>(lineCount * 2);
        for (int line = 0; line < lineCount; line++) {
            int at = line * 4;
            String code = normalisedCodes && codes[line] != null ? codes[line] : text(lines[at], lines[at + 1]);
            List<String> list = map.computeIfAbsent(code, c -> new ArrayList<>(2));
            for (int v = lines[at + 2], stop = v + lines[at + 3]; v < stop; v++) {
                values.of(b, spans, v, 1);
                list.add(values.text(0));
            }
        }
        map.replaceAll((code, list) -> Collections.unmodifiableList(list));
        return Collections.unmodifiableMap(map);
    }

    /**
     * Reads the OBIS code and the values of a line, which becomes the open line.
     *
     * @return where the line ends, or minus {@code pos} when it is not an OBIS line
     */
    private int obisLine(int pos) {
        int open = ByteScan.indexOf(b, pos, end, (byte) '(');
        long code = open == end ? -1 : ObisKeys.code(b, pos, open);
        if (code < 0) {
            return -pos;
        }
        lineKey = code & ~ObisKeys.WITH_F;
        lineA = (int) (lineKey >>> 40) & 0xFF;
        lineB = (int) (lineKey >>> 32) & 0xFF;
        lineCde = (int) (lineKey >>> 8) & 0xFFFFFF;
        lineField = ObisField.of(lineA, lineB, lineCde);
        addLine(pos, open, (code & ObisKeys.WITH_F) == 0 ? null : ObisKeys.text(lineKey));
        int next = values(open);
        lineMalformed = next < 0;
        return lineMalformed ? lineEnd(-next) : next;
    }

    private void addLine(int codeStart, int codeEnd, String normalisedCode) {
        if ((lineCount + 1) * 4 > lines.length) {
            lines = Arrays.copyOf(lines, lines.length * 2);
            codes = Arrays.copyOf(codes, codes.length * 2);
        }
        int at = lineCount * 4;
        lines[at] = codeStart;
        lines[at + 1] = codeEnd;
        lines[at + 2] = spanCount;
        lines[at + 3] = 0;
        codes[lineCount++] = normalisedCode;
        normalisedCodes |= normalisedCode != null;
    }

    /**
     * Reads {@code (value)(value)...} into the open line. A line break inside parentheses belongs
     * to the value (meters wrap long text messages); one after {@code )} ends the line.
     *
     * @return where the line ends, or minus the position of the first byte that does not fit
     */
    private int values(int pos) {
        int i = pos;
        while (true) {
            if (b[i] != '(') {
                return -i;
            }
            int close = ByteScan.indexOf(b, i + 1, end, (byte) ')');
            if (close == end) {
                return -i;
            }
            if ((spanCount + 1) * 2 > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
            }
            spans[2 * spanCount] = i + 1;
            spans[2 * spanCount++ + 1] = close;
            lines[(lineCount - 1) * 4 + 3]++;
            i = close + 1;
            if (i == end || b[i] == '\r' || b[i] == '\n') {
                return i;
            }
        }
    }

    /** Types the open line, now that no continuation line can add to it. */
    private void typeLine() throws TelegramFormatException {
        int line = lineCount - 1;
        int at = line * 4;
        if (lineMalformed) {
            values.of(b, spans, lines[at + 2], lines[at + 3]);
            String code = codeText(line);
            lineCount--; // not kept as raw OBIS: it is listed as a field error
            problem(code, joinedValues(), "values are not (value)(value)...");
            return;
        }
        if (!typing || !seen.add(lineKey)) {
            return; // a repeated code: the first line is typed, all are kept raw
        }
        values.of(b, spans, lines[at + 2], lines[at + 3]);
        String code = lineA == 0 && lineB > 0 ? codeText(line) : null;
        Object value;
        try {
            value = reader.read(lineField, lineCde, code, values);
        } catch (FieldProblem e) {
            assembler.readFailed(lineField, lineB);
            problem(codeText(line), joinedValues(), e.getMessage());
            return;
        }
        if (!assembler.store(lineField, lineA, lineB, value)) {
            if (unknown == null) {
                unknown = new ArrayList<>(4);
            }
            unknown.add(code != null ? code : codeText(line));
        }
    }

    private String codeText(int line) {
        return codes[line] != null ? codes[line] : text(lines[line * 4], lines[line * 4 + 1]);
    }

    private String joinedValues() {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < values.count(); i++) {
            joined.append(i == 0 ? "" : ")(").append(values.text(i));
        }
        return joined.toString();
    }

    private void problem(String code, String value, String message) throws TelegramFormatException {
        if (!typing) {
            return; // finding lines only: the telegram was parsed, problems and all, before
        }
        if (!lenient) {
            throw new TelegramFormatException(code + "(" + value + "): " + message);
        }
        if (errors == null) {
            errors = new ArrayList<>(2);
        }
        errors.add(new FieldError(code, value, message));
    }

    private int lineEnd(int pos) {
        return ByteScan.indexOfEither(b, pos, end, (byte) '\r', (byte) '\n');
    }

    private String text(int start, int end) {
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
