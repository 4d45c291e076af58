package org.p1iota.app.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** A provider's {@code GET /api/readings/stream} (Server-Sent Events) read in the background, as the page reads it. */
final class LiveStream implements AutoCloseable {

    /** One event: its name and its data as JSON. */
    record Event(String name, JsonNode data) {
    }

    private final List<Event> events = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    LiveStream(String baseUrl, String token, String household) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/readings/stream?household=" + household))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            String[] name = {null};
            answer.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring(6).strip();
                } else if (line.startsWith("data:") && name[0] != null) {
                    add(name[0], line.substring(5).strip());
                } else if (line.isEmpty()) {
                    name[0] = null;
                }
            });
        });
    }

    private synchronized void add(String name, String data) {
        try {
            events.add(new Event(name, ApiClient.JSON.readTree(data)));
        } catch (Exception e) {
            events.add(new Event(name, ApiClient.JSON.getNodeFactory().textNode(data)));
        }
    }

    synchronized List<Event> events(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
