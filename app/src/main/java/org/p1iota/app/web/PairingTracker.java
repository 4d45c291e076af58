package org.p1iota.app.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;

/**
 * What the devices page shows while a pairing runs: the pairing reports each finished
 * {@link PairingStep} (and a failure or success) here, the page polls
 * {@code GET /api/pairings/{id}} ({@link #respond}). Finished pairings are kept for a while, then
 * forgotten.
 */
public final class PairingTracker {

    public static final Duration DEFAULT_KEEP = Duration.ofMinutes(10);

    private final Clock clock;
    private final Duration keep;
    private final Map<String, Pairing> pairings = new ConcurrentHashMap<>();

    public PairingTracker(Clock clock, Duration keep) {
        this.clock = clock;
        this.keep = keep;
    }

    public PairingTracker() {
        this(Clock.systemUTC(), DEFAULT_KEEP);
    }

    /** Registers a new pairing with its first step running; returns its id. */
    public String start(PairRequest request) {
        forgetOld();
        String id = "pr_" + Secrets.randomToken(12);
        pairings.put(id, new Pairing(id, request.address(), request.name()));
        return id;
    }

    /** True while a pairing with {@code address} runs (a second one would answer 409). */
    public boolean inProgress(String address) {
        return pairings.values().stream().anyMatch(p -> p.address.equals(address) && p.state.equals("running"));
    }

    public void completed(String id, PairingStep step) {
        pairing(id).complete(step, clock.instant());
    }

    /** Ends the pairing as failed at the running step, e.g. {@code wrong_pairing_code}, {@code device_not_answering}. */
    public void failed(String id, String code, String message) {
        pairing(id).fail(code, message, clock.instant());
    }

    /** Ends the pairing as succeeded, every step done. */
    public void succeeded(String id) {
        Pairing pairing = pairing(id);
        for (PairingStep step : PairingStep.values()) {
            pairing.complete(step, clock.instant());
        }
        pairing.succeed(clock.instant());
    }

    /** The pairing as the API shows it (see docs/http-api.md, "Pairing"). */
    public Optional<Map<String, Object>> view(String id) {
        return Optional.ofNullable(id == null ? null : pairings.get(id)).map(Pairing::view);
    }

    /** {@code POST /api/devices} accepted: {@code 202 {"pairingId", "location"}}. */
    public static void accepted(Exchange exchange, String id) {
        WebJson.respond(exchange, 202, Map.of("pairingId", id, "location", "/api/pairings/" + id));
    }

    /** {@code GET /api/pairings/{id}}: the id is the request path's last segment. */
    public void respond(Exchange exchange) {
        String path = exchange.getIn().getHeader(Exchange.HTTP_URI, String.class);
        String id = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
        Optional<Map<String, Object>> view = view(id);
        if (view.isEmpty()) {
            WebJson.fail(exchange, 404, "not_found", "There is no such pairing (finished pairings are kept 10 minutes).");
            return;
        }
        WebJson.respond(exchange, 200, view.get());
    }

    private Pairing pairing(String id) {
        Pairing pairing = pairings.get(id);
        if (pairing == null) {
            throw new IllegalArgumentException("no pairing " + id);
        }
        return pairing;
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minus(keep);
        pairings.values().removeIf(p -> p.endedAt != null && p.endedAt.isBefore(cutoff));
    }

    private static final class Pairing {
        private final String id;
        private final String address;
        private final String name;
        private final Map<PairingStep, Instant> done = new EnumMap<>(PairingStep.class);
        private String state = "running";
        private PairingStep failedAt;
        private Map<String, String> error;
        private Instant endedAt;

        Pairing(String id, String address, String name) {
            this.id = id;
            this.address = address;
            this.name = name;
        }

        synchronized void complete(PairingStep step, Instant at) {
            if (state.equals("running")) {
                done.putIfAbsent(step, at);
            }
        }

        synchronized void fail(String code, String message, Instant at) {
            if (state.equals("running")) {
                failedAt = running();
                state = "failed";
                error = Map.of("error", code, "message", message);
                endedAt = at;
            }
        }

        synchronized void succeed(Instant at) {
            if (state.equals("running")) {
                state = "succeeded";
                endedAt = at;
            }
        }

        private PairingStep running() {
            for (PairingStep step : PairingStep.values()) {
                if (!done.containsKey(step)) {
                    return step;
                }
            }
            return PairingStep.DEVICE_ADDED;
        }

        synchronized Map<String, Object> view() {
            PairingStep current = state.equals("running") ? running() : failedAt;
            List<Map<String, Object>> steps = new ArrayList<>();
            for (PairingStep step : PairingStep.values()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("key", step.key());
                json.put("label", step.label());
                json.put("state", done.containsKey(step) ? "done" : step == current
                        ? (state.equals("failed") ? "failed" : "running") : "pending");
                json.put("at", done.containsKey(step) ? done.get(step).toString() : null);
                steps.add(json);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("address", address);
            json.put("name", name);
            json.put("state", state);
            json.put("steps", steps);
            json.put("error", error);
            json.put("device", state.equals("succeeded")
                    ? Map.of("address", address, "name", name, "pairedAt", endedAt.toString()) : null);
            return json;
        }
    }
}
