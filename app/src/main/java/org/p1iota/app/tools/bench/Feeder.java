package org.p1iota.app.tools.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The simulated devices of the provider benchmark: household h publishes message k at
 * {@code phase(h) + k * interval} (phases spread at random over one interval), for {@code duration}
 * seconds; every 100 ms the messages that became due go to the node in one storeTransactions, and the
 * time the node accepted them is recorded as the message's publication time.
 */
final class Feeder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TRANSACTIONS_PER_STORE = 500;

    private record Due(int household, int message, long atNanos) {
    }

    /** A message the node accepted: its household, its first telegram's sequence, when. */
    record Published(String household, long firstSequence, Instant at) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI node;
    private final List<SimulatedHouseholds.Simulated> households;
    private final List<Due> schedule = new ArrayList<>();
    private final List<Published> published = new ArrayList<>();
    private final long durationNanos;
    private int telegramsPerMessage = 1;

    Feeder(int nodePort, List<SimulatedHouseholds.Simulated> households, int interval, int duration, SecureRandom random) {
        this.node = URI.create("http://127.0.0.1:" + nodePort);
        this.households = households;
        this.durationNanos = duration * 1_000_000_000L;
        long intervalNanos = interval * 1_000_000_000L;
        for (int h = 0; h < households.size(); h++) {
            long phase = (long) (random.nextDouble() * intervalNanos);
            int messages = households.get(h).channel().messages().size();
            for (int k = 0; k < messages && phase + k * intervalNanos < durationNanos; k++) {
                schedule.add(new Due(h, k, phase + k * intervalNanos));
            }
        }
        schedule.sort(Comparator.comparingLong(Due::atNanos));
    }

    void run() throws Exception {
        long start = System.nanoTime();
        int next = 0;
        while (next < schedule.size()) {
            long now = System.nanoTime() - start;
            List<Due> due = new ArrayList<>();
            while (next < schedule.size() && schedule.get(next).atNanos() <= now) {
                due.add(schedule.get(next++));
            }
            store(due);
            Thread.sleep(100);
        }
        long left = durationNanos - (System.nanoTime() - start);
        if (left > 0) {
            Thread.sleep(left / 1_000_000);
        }
    }

    private void store(List<Due> due) throws Exception {
        List<String> trytes = new ArrayList<>();
        List<Due> batch = new ArrayList<>();
        for (Due d : due) {
            List<String> message = households.get(d.household()).channel().messages().get(d.message());
            if (!trytes.isEmpty() && trytes.size() + message.size() > MAX_TRANSACTIONS_PER_STORE) {
                send(trytes, batch);
                trytes = new ArrayList<>();
                batch = new ArrayList<>();
            }
            trytes.addAll(message);
            batch.add(d);
        }
        if (!trytes.isEmpty()) {
            send(trytes, batch);
        }
    }

    private void send(List<String> trytes, List<Due> batch) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(node).header("Content-Type", "application/json")
                .header("X-IOTA-API-Version", "1")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("command", "storeTransactions", "trytes", trytes))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("the node refused the devices' messages: " + reply.body());
        }
        Instant at = Instant.now();
        for (Due d : batch) {
            published.add(new Published(households.get(d.household()).id(), (long) d.message() * telegramsPerMessage, at));
        }
    }


    Feeder telegramsPerMessage(int count) {
        this.telegramsPerMessage = count;
        return this;
    }

    int published() {
        return published.size();
    }

    /** Every message the node accepted, in the order it did. */
    List<Published> publications() {
        return List.copyOf(published);
    }

    /** Published messages whose first telegram is not stored. */
    int missing(Map<String, Map<Long, Instant>> stored, int perMessage) {
        return published.size() - lags(stored, perMessage).size();
    }

    /** Seconds from publication to storage of each published message stored. */
    List<Double> lags(Map<String, Map<Long, Instant>> stored, int perMessage) {
        List<Double> lags = new ArrayList<>();
        for (Published p : published) {
            Instant at = stored.getOrDefault(p.household(), Map.of()).get(p.firstSequence());
            if (at != null) {
                lags.add(Math.max(0, at.toEpochMilli() - p.at().toEpochMilli()) / 1000.0);
            }
        }
        return lags;
    }
}
