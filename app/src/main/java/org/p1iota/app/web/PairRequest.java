package org.p1iota.app.web;

import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;

/**
 * The body of {@code POST /api/devices}: {@code {"address", "pairingCode", "name"}}, checked.
 * The pairing code's own format is the consent logic's business; here it is only non-blank text.
 */
public record PairRequest(String address, String pairingCode, String name) {

    private static final Pattern ADDRESS = Pattern.compile("[9A-Z]{81}");
    private static final int MAX_BODY = 4096;

    public PairRequest {
        if (address == null || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("address must be the device's address: 81 trytes (9, A-Z)");
        }
        if (pairingCode == null || pairingCode.isBlank() || pairingCode.length() > 200
                || pairingCode.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("pairingCode must be the code printed on the device");
        }
        if (name == null || name.isBlank() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name must be 1 to 64 characters");
        }
    }

    @Override
    public String toString() {
        return "PairRequest[address=" + address + ", name=" + name + ", pairingCode hidden]";
    }

    /** Reads the JSON body; answers 400 / 415 with the error shape (and returns empty) when it is bad. */
    public static Optional<PairRequest> of(Exchange exchange) {
        if (!HttpRequests.hasJsonBody(exchange)) {
            WebJson.fail(exchange, 415, "unsupported_media_type", "Send {\"address\", \"pairingCode\", \"name\"} as JSON.");
            return Optional.empty();
        }
        try {
            String body = exchange.getIn().getBody(String.class);
            if (body == null || body.length() > MAX_BODY) {
                throw new IllegalArgumentException("the body must be a JSON object of at most 4 KiB");
            }
            JsonNode json = WebJson.MAPPER.readTree(body);
            return Optional.of(new PairRequest(text(json, "address"), text(json, "pairingCode"), text(json, "name")));
        } catch (IllegalArgumentException e) {
            WebJson.fail(exchange, 400, "bad_request", "Cannot pair: " + e.getMessage() + ".");
        } catch (java.io.IOException e) {
            WebJson.fail(exchange, 400, "bad_request", "Cannot pair: the body is not valid JSON.");
        }
        return Optional.empty();
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json == null ? null : json.get(field);
        return node != null && node.isTextual() ? node.asText().strip() : null;
    }
}
