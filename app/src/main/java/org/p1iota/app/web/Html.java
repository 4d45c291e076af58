package org.p1iota.app.web;

/**
 * Escapes text for HTML element content and quoted attribute values. The pages insert data with
 * {@code textContent}; this is for the few places where the server writes HTML itself (error pages).
 */
public final class Html {

    private Html() {
    }

    public static String escape(CharSequence text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append("&#96;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
