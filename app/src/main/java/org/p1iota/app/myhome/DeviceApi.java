package org.p1iota.app.myhome;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.p1iota.app.consent.message.DeviceDeleted;
import org.p1iota.app.consent.secrets.InvalidPairingCodeException;
import org.p1iota.app.consent.secrets.PairingCode;
import org.p1iota.app.consent.policy.CommandRefusedException;
import org.p1iota.app.consent.policy.MyHomeCommands;
import org.p1iota.app.consent.policy.MyHomeState;
import org.p1iota.app.web.WebJson;

/**
 * {@code /api/devices} (list, pair, delete) and {@code /api/pairings/{id}} (a pairing's progress).
 * Behind {@code myhomeApiGate}: whoever gets here is the household.
 */
public final class DeviceApi {

    private static final Pattern ADDRESS = Pattern.compile("[9A-Z]{81}");
    private static final int MAX_NAME = 64;

    private final EventStore store;
    private final MyHomeCommands commands;
    private final Pairings pairings;

    public DeviceApi(EventStore store, MyHomeCommands commands, Pairings pairings) {
        this.store = store;
        this.commands = commands;
        this.pairings = pairings;
    }

    /** {@code GET|POST /api/devices}, {@code DELETE /api/devices/{address}}. */
    public void devices(Exchange exchange) {
        store.useContext(exchange.getContext());
        String method = ApiRequests.method(exchange);
        String tail = ApiRequests.tail(exchange);
        try {
            if (tail.isEmpty() && method.equals("GET")) {
                list(exchange);
            } else if (tail.isEmpty() && method.equals("POST")) {
                pair(exchange);
            } else if (!tail.isEmpty() && !tail.contains("/") && method.equals("DELETE")) {
                delete(exchange, tail);
            } else if (tail.contains("/")) {
                throw ApiRequests.notFound();
            } else {
                throw ApiRequests.methodNotAllowed();
            }
        } catch (ApiRefusal refusal) {
            ApiRequests.refuse(exchange, refusal);
        } catch (EventChannelException e) {
            ApiRequests.nodeUnreachable(exchange, e);
        }
    }

    /** {@code GET /api/pairings/{id}}. */
    public void pairing(Exchange exchange) {
        String id = ApiRequests.tail(exchange);
        if (!ApiRequests.method(exchange).equals("GET")) {
            ApiRequests.refuse(exchange, ApiRequests.methodNotAllowed());
            return;
        }
        pairings.find(id).ifPresentOrElse(p -> WebJson.respond(exchange, 200, p.describe()),
                () -> ApiRequests.refuse(exchange, new ApiRefusal(404, "not_found", "No pairing with this id (My Home forgets them when it restarts).")));
    }

    private void list(Exchange exchange) throws EventChannelException {
        List<Map<String, Object>> devices = store.state().activeDevices().stream()
                .map(d -> deviceJson(d.address(), d.name(), d.addedAt())).toList();
        WebJson.respond(exchange, 200, devices);
    }

    private void pair(Exchange exchange) throws ApiRefusal, EventChannelException {
        JsonNode body = ApiRequests.jsonBody(exchange);
        String address = ApiRequests.text(body, "address");
        String typedCode = ApiRequests.text(body, "pairingCode");
        String name = ApiRequests.text(body, "name");
        if (address == null || !ADDRESS.matcher(address.strip()).matches()) {
            throw new ApiRefusal(400, "bad_request", "The device address must be 81 characters of 9 and A-Z (see the device's label or ./p1-iota keys).");
        }
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new ApiRefusal(400, "bad_request", "Give the device a name of 1 to " + MAX_NAME + " characters.");
        }
        PairingCode code;
        try {
            code = PairingCode.parse(typedCode == null ? "" : typedCode);
        } catch (InvalidPairingCodeException e) {
            throw new ApiRefusal(400, "bad_request", "The pairing code is not valid: " + e.getMessage());
        }
        PairingProgress progress = pairings.start(exchange.getContext(), address.strip(), code, name);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("pairingId", progress.id());
        answer.put("location", "/api/pairings/" + progress.id());
        WebJson.respond(exchange, 202, answer);
        exchange.getMessage().setHeader("Location", "/api/pairings/" + progress.id());
    }

    private void delete(Exchange exchange, String address) throws ApiRefusal, EventChannelException {
        int[] revoked = new int[1];
        try {
            DeviceDeleted deleted = store.execute(state -> {
                revoked[0] = activePolicies(state, address);
                return commands.deleteDevice(state, address);
            });
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("address", deleted.device());
            answer.put("revokedPolicies", revoked[0]);
            WebJson.respond(exchange, 200, answer);
        } catch (CommandRefusedException e) {
            throw ApiRequests.refusal(e);
        }
    }

    private static int activePolicies(MyHomeState state, String address) {
        return state.activePoliciesOf(address).size();
    }

    static Map<String, Object> deviceJson(String address, String name, Instant pairedAt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", address);
        json.put("name", name);
        json.put("pairedAt", pairedAt.toString());
        return json;
    }
}
