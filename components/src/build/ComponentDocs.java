import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Fills the option and header tables of a component's documentation from the metadata that
 * camel-component-maven-plugin generated from its {@code @UriParam}, {@code @UriPath} and
 * {@code @Metadata} annotations, so that the docs never drift from the code.
 * <p>
 * Written here because the plugin that Camel offers to components outside Apache Camel generates the
 * metadata but renders no documentation: Camel's own components get their tables from Camel's site
 * build (Antora), which third-party components do not have. Run by the build (components/pom.xml,
 * phase process-classes, after the metadata is written) with the module directory as the argument:
 * for every {@code src/generated/resources/META-INF/**}/{@code <scheme>.json} it rewrites the text between
 * the {@code <!-- <table>: START -->} and {@code <!-- <table>: END -->} markers of
 * {@code src/main/docs/<scheme>-component.md}, for the tables {@code component options},
 * {@code endpoint options} and {@code headers}. A doc without markers is left alone; a missing doc
 * fails the build with what to write.
 */
public final class ComponentDocs {

    private static final List<String> TABLES = List.of("component options", "endpoint options", "headers");

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        Path metadata = module.resolve("src/generated/resources/META-INF");
        if (!Files.isDirectory(metadata)) {
            return;
        }
        List<Path> models;
        try (Stream<Path> files = Files.walk(metadata)) {
            models = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path model : models) {
            JsonObject json = (JsonObject) Jsoner.deserialize(Files.readString(model));
            JsonObject component = (JsonObject) json.get("component");
            if (component == null) {
                continue;
            }
            String scheme = component.getString("scheme");
            Path doc = module.resolve("src/main/docs/" + scheme + "-component.md");
            if (!Files.exists(doc)) {
                throw new IllegalStateException(doc + " is missing: write the component's documentation there, with the"
                        + " markers <!-- component options: START --> ... END -->, likewise for endpoint options and headers");
            }
            String before = Files.readString(doc, StandardCharsets.UTF_8);
            String after = fill(before, json);
            if (!after.equals(before)) {
                Files.writeString(doc, after, StandardCharsets.UTF_8);
                System.out.println("component docs: updated the tables of " + doc);
            }
        }
    }

    static String fill(String doc, JsonObject json) {
        String result = doc;
        for (String table : TABLES) {
            String start = "<!-- " + table + ": START -->";
            String end = "<!-- " + table + ": END -->";
            int from = result.indexOf(start);
            int to = result.indexOf(end);
            if (from < 0 || to < from) {
                continue;
            }
            String rows = switch (table) {
                case "component options" -> options((JsonObject) json.get("componentProperties"), false);
                case "endpoint options" -> options((JsonObject) json.get("properties"), true);
                default -> headers((JsonObject) json.get("headers"));
            };
            result = result.substring(0, from + start.length()) + "\n" + rows + result.substring(to);
        }
        return result;
    }

    private static String options(JsonObject properties, boolean endpoint) {
        if (properties == null || properties.isEmpty()) {
            return "_none_\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(endpoint ? "| option | kind | group | type | default | description |\n|---|---|---|---|---|---|\n"
                : "| option | group | type | default | description |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            JsonObject option = (JsonObject) entry.getValue();
            List<String> cells = new ArrayList<>();
            cells.add("`" + entry.getKey() + "`" + (Boolean.TRUE.equals(option.get("required")) ? " (required)" : ""));
            if (endpoint) {
                cells.add(option.getString("kind"));
            }
            cells.add(text(option.get("group")));
            cells.add(type(option));
            cells.add(option.get("defaultValue") == null ? "" : "`" + option.get("defaultValue") + "`");
            cells.add(description(option));
            out.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return out.toString();
    }

    private static String headers(JsonObject headers) {
        if (headers == null || headers.isEmpty()) {
            return "_none_\n";
        }
        StringBuilder out = new StringBuilder("| header | constant | group | Java type | description |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, Object> entry : headers.entrySet()) {
            JsonObject header = (JsonObject) entry.getValue();
            String constant = text(header.get("constantName"));
            constant = constant.isEmpty() ? "" : "`" + constant.substring(constant.lastIndexOf('.') + 1) + "`";
            out.append("| `").append(entry.getKey()).append("` | ").append(constant).append(" | ")
                    .append(text(header.get("group"))).append(" | `").append(simpleName(text(header.get("javaType"))))
                    .append("` | ").append(description(header)).append(" |\n");
        }
        return out.toString();
    }

    private static String type(JsonObject option) {
        Object values = option.get("enum");
        String type = text(option.get("type"));
        if (values instanceof List<?> list && !list.isEmpty()) {
            return "enum: " + String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return type.equals("object") ? "`" + simpleName(text(option.get("javaType"))) + "`" : type;
    }

    private static String description(JsonObject option) {
        String description = text(option.get("description"));
        if (Boolean.TRUE.equals(option.get("secret"))) {
            description += " (secret: never logged)";
        }
        return description.replace("|", "\\|").replace("\n", " ");
    }

    private static String simpleName(String javaType) {
        int generic = javaType.indexOf('<');
        String raw = generic < 0 ? javaType : javaType.substring(0, generic);
        return raw.substring(raw.lastIndexOf('.') + 1) + (generic < 0 ? "" : javaType.substring(generic));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private ComponentDocs() {
    }
}
