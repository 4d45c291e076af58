package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** The pairing progress the devices page polls, over a real Jetty. */
class PairingTrackerTest extends JettyRouteTestSupport {

    private static final String ADDRESS = "C".repeat(81);
    private final MutableClock clock = new MutableClock();
    private final PairingTracker tracker = new PairingTracker(clock, Duration.ofMinutes(10));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(jetty("/api/devices")).process(exchange -> PairRequest.of(exchange)
                        .ifPresent(request -> PairingTracker.accepted(exchange, tracker.start(request))));
                from(jetty("/api/pairings?matchOnUriPrefix=true")).process(tracker::respond);
            }
        };
    }

    private String pair() throws Exception {
        HttpResponse<String> response = send("POST", "/api/devices",
                "{\"address\":\"" + ADDRESS + "\",\"pairingCode\":\"ABCD-EFGH-1234\",\"name\":\"Hallway\"}",
                "Content-Type", "application/json");
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = WebJson.MAPPER.readTree(response.body());
        assertThat(body.get("location").asText()).isEqualTo("/api/pairings/" + body.get("pairingId").asText());
        return body.get("pairingId").asText();
    }

    private JsonNode progress(String id) throws Exception {
        HttpResponse<String> response = get("/api/pairings/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        return WebJson.MAPPER.readTree(response.body());
    }

    private static List<String> steps(JsonNode pairing) {
        List<String> steps = new ArrayList<>();
        pairing.get("steps").forEach(step -> steps.add(step.get("key").asText() + ":" + step.get("state").asText()));
        return steps;
    }

    @Test
    void theStepsAdvanceAsThePairingReportsThem() throws Exception {
        String id = pair();
        assertThat(tracker.inProgress(ADDRESS)).isTrue();
        assertThat(steps(progress(id))).containsExactly("claim_sent:running", "challenge_received:pending",
                "answer_sent:pending", "result_received:pending", "device_added:pending");

        tracker.completed(id, PairingStep.CLAIM_SENT);
        JsonNode running = progress(id);
        assertThat(steps(running)).startsWith("claim_sent:done", "challenge_received:running");
        assertThat(running.get("steps").get(0).get("at").asText()).isEqualTo(clock.instant().toString());
        assertThat(running.get("state").asText()).isEqualTo("running");

        tracker.succeeded(id);
        JsonNode done = progress(id);
        assertThat(done.get("state").asText()).isEqualTo("succeeded");
        assertThat(steps(done)).allMatch(step -> step.endsWith(":done"));
        assertThat(done.at("/device/name").asText()).isEqualTo("Hallway");
        assertThat(tracker.inProgress(ADDRESS)).isFalse();
    }

    @Test
    void aWrongCodeFailsTheRunningStepWithItsReason() throws Exception {
        String id = pair();
        tracker.completed(id, PairingStep.CLAIM_SENT);
        tracker.completed(id, PairingStep.CHALLENGE_RECEIVED);
        tracker.completed(id, PairingStep.ANSWER_SENT);

        tracker.failed(id, "wrong_pairing_code", "The device refused the pairing code.");

        JsonNode failed = progress(id);
        assertThat(failed.get("state").asText()).isEqualTo("failed");
        assertThat(steps(failed)).containsExactly("claim_sent:done", "challenge_received:done", "answer_sent:done",
                "result_received:failed", "device_added:pending");
        assertThat(failed.at("/error/error").asText()).isEqualTo("wrong_pairing_code");
        assertThat(failed.get("device").isNull()).isTrue();
    }

    @Test
    void finishedPairingsAreForgottenAfterAWhile() throws Exception {
        String id = pair();
        tracker.failed(id, "device_not_answering", "The device did not answer.");
        clock.advance(Duration.ofMinutes(11));
        pair();

        assertThat(get("/api/pairings/" + id).statusCode()).isEqualTo(404);
        assertThat(get("/api/pairings/pr_unknown").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadRequestIsRefusedWithTheReason() throws Exception {
        String[][] cases = {
            {"{\"address\":\"abc\",\"pairingCode\":\"x\",\"name\":\"n\"}", "address"},
            {"{\"address\":\"" + ADDRESS + "\",\"pairingCode\":\" \",\"name\":\"n\"}", "pairingCode"},
            {"{\"address\":\"" + ADDRESS + "\",\"pairingCode\":\"x\"}", "name"},
            {"not json", "JSON"},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = send("POST", "/api/devices", c[0], "Content-Type", "application/json");
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(WebJson.MAPPER.readTree(response.body()).get("message").asText()).contains(c[1]);
        }
        assertThat(send("POST", "/api/devices", "address=x", "Content-Type", "application/x-www-form-urlencoded")
                .statusCode()).isEqualTo(415);
        assertThat(new PairRequest(ADDRESS, "SECRET-CODE", "n").toString()).doesNotContain("SECRET-CODE");
    }
}
