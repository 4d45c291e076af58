package org.p1iota.app.consent.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The documented schemas (docs/schemas/v&lt;version&gt;, each type at its own version) and the codec agree: every sample the codec writes has
 * exactly the fields its schema lists, with the documented JSON types, patterns and constants, and the
 * schema's required fields are exactly the record's non-optional ones. A small structural check of
 * the schema keywords we use, not a full JSON Schema validator.
 */
class SchemaConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void everyMessageTypeHasASchemaThatItsSamplesMatchExactly() throws Exception {
        Path schemas = schemaDirectory();
        try (var files = Files.list(schemas)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(List.of(MessageType.values()).stream()
                            .map(t -> t.schemaName() + ".schema.json").toList());
        }
        Set<String> changedInV2 = new LinkedHashSet<>();
        try (var files = Files.list(schemas.resolveSibling("v2"))) {
            files.forEach(p -> changedInV2.add(p.getFileName().toString()));
        }
        // DATA v2 is trytes, not JSON (the codec's DATA stays the JSON form v1 that readers still read): its v2
        // schema documents what a message holds once decoded (docs/protocol.md, "DATA v2")
        // a type at version 3 was at version 2 before: its v2 schema stays as history, as v1's do
        List<String> versionTwo = new java.util.ArrayList<>(List.of(MessageType.values()).stream().filter(t -> t.version() >= 2)
                .map(t -> t.schemaName() + ".schema.json").toList());
        Set<String> changedInV3 = new LinkedHashSet<>();
        try (var files = Files.list(schemas.resolveSibling("v3"))) {
            files.forEach(p -> changedInV3.add(p.getFileName().toString()));
        }
        assertThat(changedInV3).as("docs/schemas/v3: the types at version 3").containsExactlyInAnyOrderElementsOf(
                List.of(MessageType.values()).stream().filter(t -> t.version() == 3).map(t -> t.schemaName() + ".schema.json").toList());
        versionTwo.add(MessageType.DATA.schemaName() + ".schema.json");
        assertThat(changedInV2).as("docs/schemas/v2: the types at version 2").containsExactlyInAnyOrderElementsOf(versionTwo);
        for (Map.Entry<MessageType, ProtocolMessage> sample : SampleMessages.all().entrySet()) {
            MessageType type = sample.getKey();
            // v1 keeps every type of the first protocol; a type changed since has its current schema under v<version>
            Path current = schemas.resolveSibling("v" + type.version());
            JsonNode schema = JSON.readTree(current.resolve(type.schemaName() + ".schema.json").toFile());
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            JsonNode message = JSON.readTree(codec.encode(sample.getValue()));

            assertThat(names(message)).as(type + " fields").isEqualTo(names(schema.get("properties")));
            assertThat(texts(schema.get("required"))).as(type + " required").isEqualTo(requiredComponents(type));
            List<String> problems = new ArrayList<>();
            check(message, schema, schema, type.name(), problems);
            assertThat(problems).as(type.name()).isEmpty();
        }
    }

    @Test
    void theCheckFindsWhatDoesNotConform() throws Exception {
        JsonNode schema = JSON.readTree(schemaDirectory().resolveSibling("v3").resolve("authorized.schema.json").toFile());
        ObjectNode message = (ObjectNode) JSON.readTree(codec.encode(SampleMessages.all().get(MessageType.AUTHORIZED)));
        ((ObjectNode) message.get("provider")).put("colour", "red");
        ((ObjectNode) message.get("provider")).put("inbox", "lower-case");
        message.put("version", 4);
        List<String> problems = new ArrayList<>();
        check(message, schema, schema, "AUTHORIZED", problems);
        assertThat(problems).hasSize(3);
        assertThatThrownBy(() -> assertThat(problems).isEmpty()).isInstanceOf(AssertionError.class);
    }

    private static void check(JsonNode value, JsonNode schema, JsonNode root, String path, List<String> problems) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            assertThat(ref).startsWith("#/$defs/");
            check(value, root.get("$defs").get(ref.substring("#/$defs/".length())), root, path, problems);
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(path + ": expected " + schema.get("const") + ", got " + value);
        }
        if (schema.has("enum") && !texts(schema.get("enum")).contains(value.asText())) {
            problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        String type = schema.path("type").asText("");
        boolean typeOk = switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> true;
        };
        if (!typeOk) {
            problems.add(path + ": expected " + type + ", got " + value.getNodeType());
            return;
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
            problems.add(path + ": '" + value.asText() + "' does not match " + schema.get("pattern"));
        }
        if (value.isObject() && schema.has("properties")) {
            JsonNode properties = schema.get("properties");
            for (Iterator<String> names = value.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!properties.has(name)) {
                    problems.add(path + "." + name + ": not in the schema");
                } else {
                    check(value.get(name), properties.get(name), root, path + "." + name, problems);
                }
            }
            for (String required : texts(schema.get("required"))) {
                if (!value.has(required)) {
                    problems.add(path + "." + required + ": required but missing");
                }
            }
        } else if (value.isObject() && schema.path("additionalProperties").isObject()) {
            value.fields().forEachRemaining(field -> {
                String namePattern = schema.path("propertyNames").path("pattern").asText(".*");
                if (!Pattern.compile(namePattern).matcher(field.getKey()).find()) {
                    problems.add(path + ": key '" + field.getKey() + "' does not match " + namePattern);
                }
                check(field.getValue(), schema.get("additionalProperties"), root, path + "." + field.getKey(), problems);
            });
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), root, path + "[" + i + "]", problems);
            }
        }
    }

    private static Set<String> requiredComponents(MessageType type) {
        Set<String> required = new LinkedHashSet<>(List.of("type", "version"));
        for (var component : type.recordClass().getRecordComponents()) {
            if (!component.isAnnotationPresent(OptionalField.class)) {
                required.add(component.getName());
            }
        }
        return required;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new LinkedHashSet<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** docs/schemas/v1 of this checkout (v2 beside it), found by walking up from the working directory. */
    static Path schemaDirectory() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/schemas/v1");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IOException("docs/schemas/v1 not found above " + Path.of("").toAbsolutePath());
    }
}
