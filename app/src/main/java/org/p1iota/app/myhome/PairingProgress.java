package org.p1iota.app.myhome;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.p1iota.app.consent.pairing.MyHomePairingSession;

/**
 * What the devices page shows of one pairing while the tangle round trips run: five steps in order,
 * each pending, running, done or failed, and at the end the device or a failure a household can act on.
 * Thread-safe: the HTTP side reads while the inbox route and the sender write.
 */
public final class PairingProgress {

    /** The steps of {@code GET /api/pairings/{id}}, in order (docs/http-api.md). */
    public enum Step {
        CLAIM_SENT("claim_sent", "Sent the claim to the device"),
        CHALLENGE_RECEIVED("challenge_received", "The device answered with a challenge"),
        ANSWER_SENT("answer_sent", "Sent the proof of the pairing code"),
        RESULT_RECEIVED("result_received", "The device accepted the pairing"),
        DEVICE_ADDED("device_added", "Added the device to your household");

        final String key;
        final String label;

        Step(String key, String label) {
            this.key = key;
            this.label = label;
        }
    }

    /** Why a pairing failed: a stable code for programs and a sentence for people. */
    public record Failure(String error, String message) {
        public static final Failure WRONG_CODE = new Failure("wrong_pairing_code",
                "The device refused the pairing code. Check the code printed on the device and try again.");
        public static final Failure NOT_ANSWERING = new Failure("device_not_answering",
                "The device did not answer. Check that it is powered, online and uses the same IOTA node, then try again.");
        /** A device stays silent to a claim made with another code: it cannot tell a typo from a forgery. */
        public static final Failure NO_CHALLENGE = new Failure("device_not_answering",
                "The device did not answer the claim. A device ignores a claim made with a wrong pairing code, so check"
                        + " the code printed on the device; also check that it is powered, online and uses the same IOTA"
                        + " node, then try again.");
    }

    private final String id;
    private final String address;
    private final String name;
    private final MyHomePairingSession session;
    private final Clock clock;
    private final Instant[] doneAt = new Instant[Step.values().length];
    private int done;
    private Failure failure;
    private Map<String, Object> device;

    public PairingProgress(String id, String address, String name, MyHomePairingSession session, Clock clock) {
        this.id = id;
        this.address = address;
        this.name = name;
        this.session = session;
        this.clock = clock;
    }

    public String id() {
        return id;
    }

    public String address() {
        return address;
    }

    public String name() {
        return name;
    }

    public MyHomePairingSession session() {
        return session;
    }

    /** Marks {@code step} done; steps finish in order, so a step arriving twice changes nothing. */
    public synchronized void done(Step step) {
        if (failure == null && step.ordinal() == done) {
            doneAt[done++] = clock.instant();
        }
    }

    public synchronized void fail(Failure why) {
        if (failure == null && done < doneAt.length) {
            failure = why;
        }
    }

    public synchronized void succeeded(Map<String, Object> pairedDevice) {
        done(Step.DEVICE_ADDED);
        this.device = pairedDevice;
    }

    /** Running until it succeeded or failed; a session past its deadline fails as "not answering". */
    public synchronized boolean running() {
        expireIfLate();
        return failure == null && done < doneAt.length;
    }

    private void expireIfLate() {
        if (failure == null && done < Step.RESULT_RECEIVED.ordinal() + 1
                && session.state() == MyHomePairingSession.State.FAILED) {
            MyHomePairingSession.Failure why = session.failure().orElse(null);
            if (why == MyHomePairingSession.Failure.TIMED_OUT || why == MyHomePairingSession.Failure.NO_CHALLENGE) {
                failure = Pairings.failureOf(why);
            }
        }
    }

    /** The JSON of {@code GET /api/pairings/{id}}. */
    public synchronized Map<String, Object> describe() {
        expireIfLate();
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Step step : Step.values()) {
            int i = step.ordinal();
            String state = i < done ? "done" : i > done ? "pending" : failure != null ? "failed" : "running";
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("key", step.key);
            json.put("label", step.label);
            json.put("state", state);
            json.put("at", i < done ? doneAt[i].toString() : null);
            steps.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("address", address);
        json.put("name", name);
        json.put("state", failure != null ? "failed" : done == doneAt.length ? "succeeded" : "running");
        json.put("steps", steps);
        json.put("error", failure == null ? null : Map.of("error", failure.error(), "message", failure.message()));
        json.put("device", device);
        return json;
    }
}
