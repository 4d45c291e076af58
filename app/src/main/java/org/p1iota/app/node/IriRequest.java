package org.p1iota.app.node;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON body of one API call with IRI's parameter rules: a missing parameter is 500 "Invalid
 * parameters", a malformed one 500 "Invalid NAME input", a list over 1000 entries 500 "Could not
 * complete request".
 */
public final class IriRequest {

    private final JsonNode body;

    public IriRequest(JsonNode body) {
        this.body = body;
    }

    public String command() {
        JsonNode command = body.get("command");
        return command == null || command.isNull() ? null : command.asText();
    }

    public boolean has(String name) {
        JsonNode value = body.get(name);
        return value != null && !value.isNull();
    }

    /** A list of 81-tryte hashes, de-duplicated when {@code distinct}. */
    public List<String> hashes(String name, String messagePrefix, boolean distinct) {
        List<String> values = strings(name);
        for (String value : values) {
            if (!NodeTransaction.isHash(value)) {
                throw IriException.invalid(messagePrefix + "Invalid " + name + " input");
            }
        }
        return distinct ? new ArrayList<>(new LinkedHashSet<>(values)) : values;
    }

    /** A list of 2673-tryte transactions. */
    public List<String> transactionTrytes(String name) {
        List<String> values = strings(name);
        for (String value : values) {
            if (!NodeTransaction.isTransactionTrytes(value)) {
                throw IriException.invalid("Invalid " + name + " input");
            }
        }
        return values;
    }

    /** A list of strings with IRI's list limit; entries must be strings. */
    public List<String> strings(String name) {
        JsonNode list = body.get(name);
        if (list == null || list.isNull()) {
            throw IriException.invalid("Invalid parameters");
        }
        if (!list.isArray()) {
            throw IriException.invalid("Invalid " + name + " input");
        }
        if (list.size() > NodeSettings.MAX_REQUESTS_LIST) {
            throw IriException.invalid("Could not complete request");
        }
        List<String> values = new ArrayList<>(list.size());
        for (JsonNode entry : list) {
            if (!entry.isTextual()) {
                throw IriException.invalid("Invalid " + name + " input");
            }
            values.add(entry.asText());
        }
        return values;
    }

    /** One 81-tryte hash. */
    public String hash(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            throw IriException.invalid("Invalid parameters");
        }
        if (!value.isTextual() || !NodeTransaction.isHash(value.asText())) {
            throw IriException.invalid("Invalid " + name + " input");
        }
        return value.asText();
    }

    public Optional<String> optionalHash(String name) {
        return has(name) ? Optional.of(hash(name)) : Optional.empty();
    }

    /** A JSON number read as IRI does (a double, then its int value); a string is invalid. */
    public int integer(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            throw IriException.invalid("Invalid parameters");
        }
        if (!value.isNumber()) {
            throw IriException.invalid("Invalid " + name + " input");
        }
        return (int) value.asDouble();
    }
}
