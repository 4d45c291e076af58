package org.p1iota.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Serves files from the classpath (the app jar) under one or more roots, e.g. {@code web/myhome} then
 * {@code web/common}: the first root holding the file wins. The request path comes from
 * {@code CamelHttpPath} (use {@code matchOnUriPrefix=true}); {@code /} serves {@code index.html} and a
 * path without extension its {@code .html} page ({@code /new-policy} → {@code new-policy.html}).
 * Only plain names are served: no {@code ..}, no hidden files, no directories, only known file types.
 */
public final class StaticAssets implements Processor {

    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}){1,8}");
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));
    private static final int MAX_ASSET_BYTES = 4 * 1024 * 1024;

    private final List<String> roots;

    public StaticAssets(String... roots) {
        if (roots.length == 0) {
            throw new IllegalArgumentException("name at least one classpath root, e.g. web/myhome");
        }
        for (String root : roots) {
            if (!root.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") || root.contains("..")) {
                throw new IllegalArgumentException("classpath root must be a relative path without '..': " + root);
            }
        }
        this.roots = List.of(roots);
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        String method = HttpRequests.method(exchange);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getMessage().setHeader("Allow", "GET, HEAD");
            WebJson.fail(exchange, 405, "method_not_allowed", "Pages and assets are read with GET.");
            return;
        }
        Optional<String> name = fileName(exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class));
        Optional<byte[]> content = name.flatMap(this::read);
        if (content.isEmpty()) {
            WebJson.fail(exchange, 404, "not_found", "There is no such page.");
            return;
        }
        exchange.getMessage().setBody(content.get());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, CONTENT_TYPES.get(extension(name.get())));
        exchange.getMessage().setHeader("Cache-Control", "no-cache");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }

    /** The file a request path names, or empty when the path is not one we serve. */
    static Optional<String> fileName(String requestPath) {
        String path = requestPath == null || requestPath.isEmpty() ? "/" : requestPath;
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (path.endsWith("/")) {
            path = path + "index.html";
        }
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            return Optional.empty();
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (!last.contains(".")) {
            path = path + ".html";
        }
        return CONTENT_TYPES.containsKey(extension(path)) ? Optional.of(path.substring(1)) : Optional.empty();
    }

    private Optional<byte[]> read(String name) {
        ClassLoader loader = StaticAssets.class.getClassLoader();
        for (String root : roots) {
            try (InputStream in = loader.getResourceAsStream(root + "/" + name)) {
                if (in != null) {
                    byte[] bytes = in.readNBytes(MAX_ASSET_BYTES + 1);
                    if (bytes.length > MAX_ASSET_BYTES) {
                        throw new IllegalStateException("asset " + root + "/" + name + " is larger than 4 MiB");
                    }
                    return Optional.of(bytes);
                }
            } catch (IOException e) {
                // a directory entry on some class loaders: not a file we serve
            }
        }
        return Optional.empty();
    }

    private static String extension(String path) {
        return path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
