package org.p1iota.app.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http cannot do: choose the client's source address
 * (127.0.0.2 is another client than 127.0.0.1), send malformed requests byte for byte, and stop
 * reading a body that never ends. One request per connection ({@code Connection: close}).
 */
public final class RawHttp {

    /** Bodies are read up to this many bytes; the rest is dropped. */
    public static final int MAX_BODY = 256 * 1024;

    /** Status of an answer that never came: the server kept the connection open past the read timeout. */
    public static final int TIMED_OUT = -1;

    /** @param status 0 when the server closed the connection or sent no status line, {@link #TIMED_OUT} */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        /** {@code name=value} of the response's Set-Cookie, without its attributes. */
        public Optional<String> cookie() {
            return header("Set-Cookie").map(value -> value.split(";")[0]);
        }
    }

    private final InetAddress server;
    private final int port;
    private final InetAddress source;
    private final int timeoutMillis;

    public RawHttp(InetAddress server, int port, InetAddress source, int timeoutMillis) {
        this.server = server;
        this.port = port;
        this.source = source;
        this.timeoutMillis = timeoutMillis;
    }

    /** 127.0.0.1:{@code port} from 127.0.0.1, 10 s per read. */
    public static RawHttp loopback(int port) {
        return from(port, "127.0.0.1");
    }

    /** 127.0.0.1:{@code port} from the given loopback source address, e.g. 127.0.0.2. */
    public static RawHttp from(int port, String sourceAddress) {
        try {
            return new RawHttp(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(sourceAddress), 10_000);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A well-formed request; headers in pairs (name, value); Host and Connection are added. */
    public Response send(String method, String target, String body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        request.writeBytes(content);
        return exchange(request.toByteArray());
    }

    /** Sends {@code request} as is and reads one answer, whatever the server makes of it. */
    public Response exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.setSoLinger(true, 0); // many short connections: no TIME_WAIT pile-up on the client side
            socket.connect(new InetSocketAddress(server, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server may answer and close before taking a huge body: read what it said
            }
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        String head;
        try {
            head = readHead(in);
        } catch (SocketTimeoutException e) {
            return new Response(TIMED_OUT, Map.of(), "");
        }
        if (head.isEmpty()) {
            return new Response(0, Map.of(), "");
        }
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : 0;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        Response headOnly = new Response(status, headers, "");
        if (headOnly.header("Content-Type").orElse("").startsWith("text/event-stream")) {
            return headOnly; // an endless stream: the status and headers are what counts
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (headOnly.header("Transfer-Encoding").orElse("").equalsIgnoreCase("chunked")) {
                readChunked(in, body);
            } else {
                long length = headOnly.header("Content-Length").map(Long::parseLong).orElse(Long.MAX_VALUE);
                copy(in, body, length);
            }
        } catch (SocketTimeoutException e) {
            // keep what came
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && head.size() < 64 * 1024) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                if (head.size() == 0) {
                    throw e;
                }
                break;
            } catch (java.net.SocketException e) {
                break;
            }
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r\n\r\n") ? text.substring(0, text.length() - 4) : text.strip();
    }

    private static void readChunked(InputStream in, ByteArrayOutputStream body) throws IOException {
        while (body.size() < MAX_BODY) {
            String sizeLine = line(in);
            if (sizeLine == null || sizeLine.isBlank()) {
                return;
            }
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                return;
            }
            copy(in, body, size);
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return b < 0 && line.isEmpty() ? null : line.toString();
    }

    private static void copy(InputStream in, ByteArrayOutputStream body, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            if (body.size() < MAX_BODY) {
                body.write(buffer, 0, Math.min(n, MAX_BODY - body.size()));
            }
            left -= n;
        }
    }
}
