package org.p1iota.iota.mam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shared MAM v0 vectors ({@code shared/vectors/mam/vectors-public.json}), read once. */
final class MamVectors {

    private static JsonNode vectors;

    private MamVectors() {
    }

    static synchronized JsonNode load() {
        if (vectors == null) {
            try {
                vectors = new ObjectMapper().readTree(shared().resolve("vectors/mam/vectors-public.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return vectors;
    }

    static Path shared() {
        String property = System.getProperty("p1iota.shared");
        if (property != null && Files.isDirectory(Paths.get(property))) {
            return Paths.get(property);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared").normalize();
            if (Files.isDirectory(candidate.resolve("vectors"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/ not found: set -Dp1iota.shared");
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Compares long tryte strings without printing them: the first difference is what helps. */
    static void assertSameTrytes(String what, String actual, String expected) {
        if (!expected.equals(actual)) {
            int i = 0;
            while (i < Math.min(actual.length(), expected.length()) && actual.charAt(i) == expected.charAt(i)) {
                i++;
            }
            throw new AssertionError(what + ": differs from tryte " + i + " (lengths " + actual.length() + " and "
                    + expected.length() + ")");
        }
    }
}
