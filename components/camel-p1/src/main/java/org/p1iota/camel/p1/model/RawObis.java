package org.p1iota.camel.p1.model;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every OBIS line of a telegram as raw text: OBIS code to its value strings (all lines with that code,
 * in telegram order). Read-only. The strings are only made when someone asks for them (JSON output, a
 * route reading {@code obis}), so parsing a telegram does not pay for text nobody reads.
 */
public final class RawObis extends AbstractMap<String, List<String>> {

    /** Per line: code start, code end (-1 when {@link #codes} holds a normalised code), first value, value count. */
    private static final int STRIDE = 4;

    private final byte[] bytes;
    private final int[] lines;
    private final int lineCount;
    private final int[] valueSpans;
    private final String[] codes;
    private Map<String, List<String>> materialised;

    /**
     * @param bytes      the telegram; kept, not copied: the caller must not change it afterwards
     * @param lines      {@code lineCount * 4} ints: code start, code end, first value index, value count
     * @param valueSpans start/end offset pairs of the values
     * @param codes      per line, a normalised code text or null when the text in {@code bytes} is used;
     *                   null when no line needs one
     */
    public RawObis(byte[] bytes, int[] lines, int lineCount, int[] valueSpans, String[] codes) {
        this.bytes = bytes;
        this.lines = lines;
        this.lineCount = lineCount;
        this.valueSpans = valueSpans;
        this.codes = codes;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return materialise().entrySet();
    }

    @Override
    public List<String> get(Object key) {
        return materialise().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return materialise().containsKey(key);
    }

    @Override
    public int size() {
        return materialise().size();
    }

    private synchronized Map<String, List<String>> materialise() {
        if (materialised == null) {
            Map<String, List<String>> map = new LinkedHashMap<>(lineCount * 2);
            for (int line = 0; line < lineCount; line++) {
                int at = line * STRIDE;
                String code = codes != null && codes[line] != null ? codes[line]
                        : new String(bytes, lines[at], lines[at + 1] - lines[at], StandardCharsets.ISO_8859_1);
                List<String> values = map.computeIfAbsent(code, c -> new ArrayList<>(2));
                for (int v = lines[at + 2], end = v + lines[at + 3]; v < end; v++) {
                    values.add(text(valueSpans[2 * v], valueSpans[2 * v + 1]));
                }
            }
            map.replaceAll((code, values) -> Collections.unmodifiableList(values));
            materialised = Collections.unmodifiableMap(map);
        }
        return materialised;
    }

    /** A value's text; line breaks inside a wrapped value are left out. */
    private String text(int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n') {
                StringBuilder joined = new StringBuilder(end - start);
                for (int j = start; j < end; j++) {
                    if (bytes[j] != '\r' && bytes[j] != '\n') {
                        joined.append((char) (bytes[j] & 0xFF));
                    }
                }
                return joined.toString();
            }
        }
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
