package org.p1iota.camel.p1.parse;

import java.nio.charset.StandardCharsets;

import org.p1iota.camel.p1.frame.ByteScan;

/**
 * The values of the OBIS line being typed, as offsets into the telegram bytes: a reusable view, so
 * typing a line allocates nothing until a value is actually needed as text.
 */
final class Values {

    byte[] b;
    private int[] spans;
    private int first;
    private int count;

    void of(byte[] bytes, int[] valueSpans, int firstValue, int valueCount) {
        // this view lives as long as its parser: writing a reference into it costs the G1 barrier's
        // memory fence, so the arrays (the same for a whole telegram) are only written when they change
        if (b != bytes) {
            b = bytes;
        }
        if (spans != valueSpans) {
            spans = valueSpans;
        }
        this.first = firstValue;
        this.count = valueCount;
    }

    int count() {
        return count;
    }

    int start(int i) {
        return spans[2 * (first + i)];
    }

    int end(int i) {
        return spans[2 * (first + i) + 1];
    }

    boolean isEmpty(int i) {
        return start(i) == end(i);
    }

    /** Value {@code i} as text; line breaks inside a wrapped value are left out. */
    String text(int i) {
        int start = start(i);
        int end = end(i);
        for (int k = start; k < end; k++) {
            if (b[k] == '\r' || b[k] == '\n') {
                StringBuilder joined = new StringBuilder(end - start);
                for (int j = start; j < end; j++) {
                    if (b[j] != '\r' && b[j] != '\n') {
                        joined.append((char) (b[j] & 0xFF));
                    }
                }
                return joined.toString();
            }
        }
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** Value {@code i} hex-decoded when it is printable hex text ({@link ValueReader#hexText}), else as sent. */
    String hexText(int i) {
        int start = start(i);
        int end = end(i);
        if (ByteScan.indexOfEither(b, start, end, (byte) '\r', (byte) '\n') < end) {
            byte[] joined = text(i).getBytes(StandardCharsets.ISO_8859_1); // a wrapped value: join it first
            return ValueReader.hexText(joined, 0, joined.length);
        }
        return ValueReader.hexText(b, start, end);
    }

    /** Whether value {@code i} ends with the ASCII text. */
    boolean endsWith(int i, String suffix) {
        int end = end(i);
        int start = end - suffix.length();
        if (start < start(i)) {
            return false;
        }
        for (int k = 0; k < suffix.length(); k++) {
            if (b[start + k] != suffix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
