package org.p1iota.app.tools.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An IRI API proxy on a loopback port that forwards every request to a node and counts the calls per
 * command, and the longest address list of a findTransactions: how a benchmark or test sees what a
 * follower asks of the node, without touching the node.
 */
public final class CountingNodeProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "counting-node-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI node;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final AtomicInteger longestAddressList = new AtomicInteger();

    private CountingNodeProxy(HttpServer server, URI node) {
        this.server = server;
        this.node = node;
    }

    public static CountingNodeProxy start(String nodeUrl) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        CountingNodeProxy proxy = new CountingNodeProxy(server, URI.create(nodeUrl));
        server.createContext("/", proxy::forward);
        server.setExecutor(proxy.workers);
        server.start();
        return proxy;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            count(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(node).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("X-IOTA-API-Version")) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> reply;
            try {
                reply = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            reply.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            exchange.sendResponseHeaders(reply.statusCode(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private void count(byte[] body) {
        try {
            JsonNode request = JSON.readTree(body);
            calls.computeIfAbsent(request.path("command").asText("?"), c -> new LongAdder()).increment();
            JsonNode addresses = request.path("addresses");
            if (addresses.isArray()) {
                longestAddressList.accumulateAndGet(addresses.size(), Math::max);
            }
        } catch (IOException e) {
            calls.computeIfAbsent("(not JSON)", c -> new LongAdder()).increment();
        }
    }

    public long calls(String command) {
        LongAdder adder = calls.get(command);
        return adder == null ? 0 : adder.sum();
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> callsByCommand() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((command, adder) -> copy.put(command, adder.sum()));
        return copy;
    }

    public int longestAddressList() {
        return longestAddressList.get();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
