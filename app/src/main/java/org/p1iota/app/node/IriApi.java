package org.p1iota.app.node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IRI API independent of HTTP: checks the version header, body size and JSON, enforces the
 * remote limit, dispatches to a command and shapes the reply as IRI does (200 the result, 400
 * {@code error}, 401 {@code error}, 500 {@code exception}; {@code duration} in every reply).
 */
public final class IriApi {

    /** IRI's default {@code --remote-limit-api}. */
    static final Set<String> LIMITED_COMMANDS = Set.of("attachToTangle", "interruptAttachingToTangle",
            "addNeighbors", "getNeighbors", "removeNeighbors");

    private static final Logger LOG = LoggerFactory.getLogger(IriApi.class);

    private final Map<String, IriCommand> commands;
    private final ObjectMapper json = new ObjectMapper();

    public IriApi(Map<String, IriCommand> commands) {
        this.commands = Map.copyOf(commands);
    }

    /** A reply: HTTP status and JSON body. */
    public record Reply(int status, String body) {
    }

    /**
     * @param body          the request body, or {@code null} when it exceeded {@link NodeSettings#MAX_BODY_LENGTH}
     * @param apiVersion    the {@code X-IOTA-API-Version} header, {@code null} when absent
     * @param trustedCaller loopback or a configured trusted host
     */
    public Reply call(String body, String apiVersion, boolean trustedCaller) {
        return call(body, apiVersion, new IriCommand.CallContext(trustedCaller));
    }

    /** {@link #call(String, String, boolean)} with what the transport knows of the caller, e.g. whether it hung up. */
    public Reply call(String body, String apiVersion, IriCommand.CallContext caller) {
        long start = System.currentTimeMillis();
        Map<String, Object> reply;
        int status;
        try {
            reply = new LinkedHashMap<>(dispatch(body, apiVersion, caller));
            status = 200;
        } catch (IriException e) {
            reply = new LinkedHashMap<>(Map.of(e.field(), e.getMessage()));
            status = e.status();
        } catch (Exception e) {
            LOG.warn("API call failed", e);
            reply = new LinkedHashMap<>(Map.of("exception", e.getMessage() == null ? e.toString() : e.getMessage()));
            status = 500;
        }
        reply.put("duration", System.currentTimeMillis() - start);
        try {
            return new Reply(status, json.writeValueAsString(reply));
        } catch (JsonProcessingException e) {
            return new Reply(500, "{\"exception\":\"cannot write the reply\"}");
        }
    }

    private Map<String, Object> dispatch(String body, String apiVersion, IriCommand.CallContext caller) throws Exception {
        if (apiVersion == null || apiVersion.isBlank()) {
            throw IriException.badRequest("Invalid API Version");
        }
        if (body == null) {
            throw IriException.badRequest("Request too long");
        }
        if (body.isBlank()) {
            throw IriException.badRequest("Invalid request payload: '" + body + "'");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw IriException.badRequest("Invalid JSON syntax: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw IriException.badRequest("Invalid JSON syntax: not a JSON object");
        }
        IriRequest request = new IriRequest(tree);
        String name = request.command();
        if (name == null) {
            throw IriException.badRequest("COMMAND parameter has not been specified in the request.");
        }
        if (LIMITED_COMMANDS.contains(name) && !caller.trustedCaller()) {
            throw IriException.accessLimited(name);
        }
        IriCommand command = commands.get(name);
        if (command == null) {
            throw IriException.badRequest("Command [" + name + "] is unknown");
        }
        return command.handle(request, caller);
    }
}
