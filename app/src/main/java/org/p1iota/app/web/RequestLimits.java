package org.p1iota.app.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web apps' door, a servlet filter on every jetty endpoint ({@code filters: "#requestLimits"},
 * with {@code enableMultipartFilter: false}: no endpoint takes multipart bodies). It answers, with the
 * error shape and before Camel sees the request, what would otherwise fail inside camel-jetty as a
 * bare 500:
 * <ul>
 * <li>a body larger than {@link #MAX_BODY} bytes: 413 {@code body_too_large} (the largest genuine
 * body, a grant with its consent link, is under 16 KiB); a body that ends before its declared length
 * or breaks its chunked encoding: 400 {@code bad_request};</li>
 * <li>a charset other than UTF-8 (or US-ASCII) in Content-Type: 415 {@code unsupported_charset}
 * (JSON is UTF-8; Jetty throws on names it does not know);</li>
 * <li>a query string that is not valid percent-encoding, a form body that is not name=value pairs:
 * 400 {@code bad_request}.</li>
 * </ul>
 * A request that passes goes on with its body in memory, and without servlet parameters: the web
 * classes read the query and the body themselves ({@link HttpRequests}), so Jetty never parses a
 * form body a second time.
 */
public final class RequestLimits implements Filter {

    static final int MAX_BODY = 64 * 1024;
    private static final String CHECKED = RequestLimits.class.getName();

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        if (!(servletRequest instanceof HttpServletRequest request) || !(servletResponse instanceof HttpServletResponse response)
                || request.getAttribute(CHECKED) != null) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        request.setAttribute(CHECKED, Boolean.TRUE);
        if (!utf8(request.getHeader("Content-Type"))) {
            refuse(response, 415, "unsupported_charset", "Send the body as UTF-8 (Content-Type: ...; charset=utf-8).");
            return;
        }
        try {
            HttpRequests.parseForm(request.getQueryString());
        } catch (IllegalArgumentException e) {
            refuse(response, 400, "bad_request", "The query string is not properly URL-encoded.");
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY) {
            refuse(response, 413, "body_too_large", "The request body is larger than " + MAX_BODY / 1024 + " KiB.");
            return;
        }
        byte[] body;
        try {
            body = read(request.getInputStream());
        } catch (IOException | RuntimeException e) {
            // Jetty: early EOF, a broken chunk
            refuse(response, 400, "bad_request", "The request body was cut off or malformed.");
            return;
        }
        if (body == null) {
            refuse(response, 413, "body_too_large", "The request body is larger than " + MAX_BODY / 1024 + " KiB.");
            return;
        }
        if ("POST".equals(request.getMethod()) && String.valueOf(request.getContentType()).toLowerCase(Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded") && !wellFormedForm(new String(body, StandardCharsets.UTF_8))) {
            refuse(response, 400, "bad_request", "The form body is not name=value pairs joined by &, URL-encoded.");
            return;
        }
        chain.doFilter(new Buffered(request, body), response);
    }

    /** What camel-jetty's form mapping accepts without throwing: every pair has = and decodes. */
    static boolean wellFormedForm(String text) {
        if (text.isEmpty()) {
            return true;
        }
        for (String pair : text.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            if (nameAndValue.length != 2) {
                return false;
            }
            try {
                java.net.URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8);
                java.net.URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    /** The whole body, or null when it is longer than {@link #MAX_BODY}. */
    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (body.size() + n > MAX_BODY) {
                return null;
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    static boolean utf8(String contentType) {
        if (contentType == null) {
            return true;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String charset = pair[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
                return charset.equals("utf-8") || charset.equals("utf8") || charset.equals("us-ascii");
            }
        }
        return true;
    }

    private static void refuse(HttpServletResponse response, int status, String error, String message) throws IOException {
        byte[] json = WebJson.MAPPER.writeValueAsBytes(Map.of("error", error, "message", message));
        response.setStatus(status);
        response.setContentType(WebJson.CONTENT_TYPE);
        response.setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Connection", "close");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** The request with its body read into memory and no servlet parameters. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
