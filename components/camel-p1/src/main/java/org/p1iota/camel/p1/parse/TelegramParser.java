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
 * Strict mode rejects a telegram with any line that is not OBIS or whose value does not fit its code;
 * lenient mode keeps the telegram and lists those lines as {@link FieldError}s. Bytes outside ASCII
 * are carried as Latin-1 text and never cause more than a field error.
 * <p>
 * Byte offsets only: no regular expressions, no per-line strings. A parser remembers the previous
 * telegram's lines ({@link LineTemplates}, {@link LineMemo}), so what a meter repeats is compared
 * rather than read again; none of that changes a result. Not thread-safe; one per thread.
 */
public final class TelegramParser {

    private final boolean lenient;
    /** False for a parser that only finds the lines and their values, for {@link #rawObis}. */
    private final boolean typing;
    private final Values values = new Values();
    private final SeenCodes seen = new SeenCodes();
    private final CodeTexts codeCache = new CodeTexts();
    /** Null in a parser that does not type (it has no use for the caches behind it). */
    private final FieldReader reader;
    /** The telegram being parsed; new for each (see its comment on why). */
    private TelegramAssembler assembler;
    private String lastHeader;
    private String lastManufacturer;
    private byte[] lastHeaderBytes;
    private final LineTemplates templates = new LineTemplates();
    /** Null in a parser that does not type. */
    private final LineMemo memo;

    // the telegram being parsed; working arrays reused
    private byte[] b;
    private boolean normalisedCodes;
    private int[] lines;
    private int lineCount;
    private int[] spans;
    private int spanCount;
    private String[] codes;
    private List<FieldError> errors;
    private int end;

    // the current line
    private int lineA;
    private int lineB;
    private int lineCde;
    private long lineKey;
    private int lineField;
    private boolean lineMalformed;
    /** Where the line's values end: its line end, unless a continuation line follows. */
    private int lineStop;
    /** The line repeats the remembered line of its number byte for byte: its values were not scanned. */
    private boolean lineRepeated;
    /** A continuation line added values to the line. */
    private boolean lineContinued;
    /** Nothing but line ends between the line and the OBIS line before it. */
    private boolean lineAdjacent;

    public TelegramParser(boolean lenient) {
        this(lenient, true);
    }

    private TelegramParser(boolean lenient, boolean typing) {
        this.lenient = lenient;
        this.typing = typing;
        this.reader = typing ? new FieldReader(new Timestamps()) : null;
        this.memo = typing ? new LineMemo() : null;
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
        List<String> unknown = lines(bytes, bodyLength);
        RawObis obis = new RawObis(bytes, bodyLength, TelegramParser::rawObis);
        return telegram.build(lastHeader, lastManufacturer, crc, obis, unknown == null ? List.of() : unknown,
                errors == null ? List.of() : errors);
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

    /** Reads the header and the lines; returns the codes that were not typed (null for none). */
    private List<String> lines(byte[] bytes, int bodyLength) throws TelegramFormatException {
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
        seen.clear();
        end = bodyLength - 1; // the '!'
        boolean done = false;
        try {
            List<String> unknown = lines();
            done = true;
            return unknown;
        } finally {
            if (!typing) {
                // finding lines only: the memo belongs to the typing parser
            } else if (done) {
                memo.finish(bytes, end, lineCount);
            } else {
                memo.clear(); // given up halfway: some entries describe this telegram, some the one before
            }
        }
    }

    private List<String> lines() throws TelegramFormatException {
        int eol = lineEnd(0, end);
        if (eol == end || eol < 2) {
            throw new TelegramFormatException("no identification line: \"/XXXn...\" followed by a line end");
        }
        header(eol);
        List<String> unknown = null;
        boolean pending = false;
        boolean adjacent = false; // nothing but line ends since the last OBIS line
        int pos = eol;
        while (pos < end) {
            byte c = b[pos];
            if (c == '\r' || c == '\n') {
                pos++;
                continue;
            }
            if (c == '(' && pending) {
                if (lineRepeated) {
                    values(lines[(lineCount - 1) * 4 + 1], end); // its values, which the memo let us skip
                    lineRepeated = false;
                }
                lineContinued = true;
                adjacent = false;
                int next = values(pos, end);
                if (next < 0) {
                    next = lineEnd(-next, end);
                    problem(codeText(lineCount - 1), text(pos, next), "continuation line is not (value)...");
                }
                pos = next;
                continue;
            }
            if (pending) {
                unknown = dispatch(unknown);
            }
            int run = typing ? memo.repeatedRun(lineCount, b, pos, end) : 0;
            if (run > 0) {
                unknown = repeatedLines(run, pos, adjacent, unknown);
                pending = true; // the run's last line: a continuation line may follow it
                adjacent = true;
                pos = lineStop;
                continue;
            }
            lineAdjacent = adjacent;
            int next = obisLine(pos, end);
            pending = next >= 0;
            adjacent = pending && !lineMalformed;
            if (!pending) {
                next = lineEnd(pos, end);
                problem(text(pos, Math.min(next, pos + 24)), text(pos, next), "not an OBIS line A-B:C.D.E(value)");
            }
            pos = next;
        }
        if (pending) {
            unknown = dispatch(unknown);
        }
        return unknown;
    }

    /**
     * Takes {@code run} lines from {@code pos} on as the memo has them: all but the last are typed here,
     * the last is left as the current line (a continuation line may still follow it).
     */
    private List<String> repeatedLines(int run, int pos, boolean adjacentBefore, List<String> unknown) {
        int first = lineCount;
        int delta = pos - memo.start(first);
        for (int line = first, last = first + run - 1; line < last; line++) {
            memo.repeated(line, delta, line == first, adjacentBefore);
            lineCount++;
            long key = memo.key(line);
            if (seen.add(key, memo.slot(line))) {
                if (!assembler.store(memo.field(line), (int) (key >>> 40) & 0xFF, (int) (key >>> 32) & 0xFF, memo.value(line))) {
                    unknown = listed(unknown, memo.codeText(line));
                }
            }
        }
        int line = first + run - 1;
        memo.repeated(line, delta, run == 1, adjacentBefore);
        long key = memo.key(line);
        lineA = (int) (key >>> 40) & 0xFF;
        lineB = (int) (key >>> 32) & 0xFF;
        lineCde = (int) (key >>> 8) & 0xFFFFFF;
        lineKey = key;
        lineField = memo.field(line);
        lineMalformed = false;
        lineContinued = false;
        lineRepeated = true;
        int start = memo.start(line);
        addLine(start, start + memo.codeLength(line), memo.normalised(line));
        lineStop = memo.stop(line);
        return unknown;
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
     * Reads the OBIS code and the values of a line.
     *
     * @return where the line ends, or -1 when it is not an OBIS line
     */
    private int obisLine(int pos, int end) {
        lineContinued = false;
        lineRepeated = false;
        int known = templates.match(lineCount, b, pos, end);
        if (known > 0) {
            long key = templates.key(lineCount);
            lineA = (int) (key >>> 40) & 0xFF;
            lineB = (int) (key >>> 32) & 0xFF;
            lineCde = (int) (key >>> 8) & 0xFFFFFF;
            lineKey = key;
            lineField = templates.field(lineCount);
            return finishLine(pos, pos + known, templates.normalised(lineCount));
        }
        int a = -1;
        int bGroup = -1;
        int c = -1;
        int d = -1;
        int e = -1;
        int f = 255;
        int g = 0;
        int value = -1;
        int i = pos;
        for (; i < end && b[i] != '('; i++) {
            byte ch = b[i];
            if (ch >= '0' && ch <= '9') {
                value = (value < 0 ? 0 : value * 10) + (ch - '0');
                if (value > 255) {
                    return -1;
                }
                continue;
            }
            if (value < 0 || g > 4 || ch != separator(g) && !(g == 4 && ch == '*')) {
                return -1;
            }
            switch (g++) {
                case 0 -> a = value;
                case 1 -> bGroup = value;
                case 2 -> c = value;
                case 3 -> d = value;
                default -> e = value;
            }
            value = -1;
        }
        if (value < 0 || g < 4 || i == end) {
            return -1;
        }
        if (g == 4) {
            e = value;
        } else {
            f = value;
        }
        lineA = a;
        lineB = bGroup;
        lineCde = ObisKeys.key(c, d, e);
        lineKey = (long) a << 40 | (long) bGroup << 32 | (long) lineCde << 8 | f;
        lineField = ObisField.of(a, bGroup, lineCde);
        String normalised = g == 4 ? null : a + "-" + bGroup + ":" + c + "." + d + "." + e + (f == 255 ? "" : "*" + f);
        templates.remember(lineCount, b, pos, i, lineKey, lineField, normalised);
        return finishLine(pos, i, normalised);
    }

    private int finishLine(int codeStart, int codeEnd, String normalised) {
        addLine(codeStart, codeEnd, normalised);
        int next = values(codeEnd, end);
        lineMalformed = next < 0;
        lineStop = next;
        return lineMalformed ? lineEnd(-next, end) : next;
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

    private static byte separator(int group) {
        return switch (group) {
            case 0 -> '-';
            case 1 -> ':';
            default -> '.';
        };
    }

    /**
     * Reads {@code (value)(value)...} into the current line. A line break inside parentheses belongs
     * to the value (meters wrap long text messages); one after {@code )} ends the line.
     *
     * @return where the line ends, or minus the position of the first byte that does not fit
     */
    private int values(int pos, int end) {
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

    /** Types the current line; returns the (possibly new) list of unknown codes. */
    private List<String> dispatch(List<String> unknown) throws TelegramFormatException {
        int line = lineCount - 1;
        if (lineMalformed) {
            int at = line * 4;
            values.of(b, spans, lines[at + 2], lines[at + 3]);
            String code = codeText(line);
            lineCount--; // not kept as raw OBIS: it is listed as a field error
            problem(code, joinedValues(), "values are not (value)(value)...");
            return unknown;
        }
        if (!typing) {
            return unknown;
        }
        if (lineRepeated) {
            // the memo entry stays: the line is its predecessor, byte for byte
            if (!seen.add(lineKey, memo.slot(line)) || assembler.store(lineField, lineA, lineB, memo.value(line))) {
                return unknown;
            }
            return listed(unknown, memo.codeText(line));
        }
        if (!seen.add(lineKey)) {
            memo.forget(line);
            return unknown; // a repeated code: the first line is typed, all are kept raw
        }
        int at = line * 4;
        values.of(b, spans, lines[at + 2], lines[at + 3]);
        String code = lineA == 0 && lineB > 0 ? codeText(line) : null;
        Object value;
        try {
            value = reader.read(lineField, lineCde, code, values);
        } catch (FieldProblem e) {
            memo.forget(line);
            assembler.readFailed(lineField, lineB);
            problem(codeText(line), joinedValues(), e.getMessage());
            return unknown;
        }
        String codeText = null;
        if (!assembler.store(lineField, lineA, lineB, value)) {
            codeText = code != null ? code : codeText(line);
            unknown = listed(unknown, codeText);
        }
        if (lineContinued) {
            memo.forget(line);
        } else {
            int codeStart = lines[at];
            memo.remember(line, codeStart, lineStop, lineAdjacent, lines[at + 1] - codeStart, lineKey, lineField, codes[line],
                    codeText, value);
        }
        return unknown;
    }

    private static List<String> listed(List<String> unknown, String code) {
        List<String> list = unknown == null ? new ArrayList<>(4) : unknown;
        list.add(code);
        return list;
    }

    private String codeText(int line) {
        if (codes[line] != null) {
            return codes[line];
        }
        int start = lines[line * 4];
        int end = lines[line * 4 + 1];
        if (line == lineCount - 1) {
            return codeCache.get(lineKey, b, start, end);
        }
        return text(start, end);
    }

    /**
     * A meter sends the same identification line every time: reuse its text (and the manufacturer flag
     * read from it) while the bytes match.
     */
    private void header(int eol) {
        if (lastHeader != null && eol == lastHeaderBytes.length && Arrays.equals(b, 0, eol, lastHeaderBytes, 0, eol)) {
            return;
        }
        lastHeaderBytes = Arrays.copyOf(b, eol);
        lastHeader = new String(lastHeaderBytes, StandardCharsets.ISO_8859_1);
        lastManufacturer = TelegramAssembler.manufacturer(lastHeader);
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

    private int lineEnd(int pos, int end) {
        return ByteScan.indexOfEither(b, pos, end, (byte) '\r', (byte) '\n');
    }

    private String text(int start, int end) {
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
