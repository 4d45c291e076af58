package org.p1iota.app.web;

import java.util.List;

import org.apache.camel.Exchange;

/**
 * CSV as RFC 4180 writes it, for downloads that end up in spreadsheets: numbers as they are, text
 * quoted when needed, and text that a spreadsheet would run as a formula ({@code = + - @}) prefixed
 * with a quote so it stays text.
 */
public final class Csv {

    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    private Csv() {
    }

    /** One line, ending in CRLF. */
    public static String row(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** Answers 200 with {@code header} and {@code rows} as a download named {@code fileName}. */
    public static void respond(Exchange exchange, String fileName, List<String> header, Iterable<? extends List<?>> rows) {
        if (!fileName.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("file name must be 1 to 100 of A-Z a-z 0-9 . _ -");
        }
        StringBuilder body = new StringBuilder(row(header));
        rows.forEach(cells -> body.append(row(cells)));
        exchange.getMessage().setBody(body.toString());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }
}
