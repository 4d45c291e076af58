package org.p1iota.camel.p1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shared corpus: {@code p1iota.shared}, or {@code shared/} found by walking up from here. */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    public static Path root() {
        String property = System.getProperty("p1iota.shared");
        if (property != null && Files.isDirectory(Path.of(property, "corpus"))) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared").normalize();
            if (Files.isDirectory(candidate.resolve("corpus"))) {
                return candidate;
            }
            if (Files.isDirectory(dir.resolve("shared/corpus"))) {
                return dir.resolve("shared");
            }
        }
        throw new IllegalStateException("shared/ corpus not found: set -Dp1iota.shared");
    }

    public static Path dsmr() {
        return root().resolve("corpus/dsmr");
    }

    public static Path dsmrBad() {
        return root().resolve("corpus/dsmr-bad");
    }

    public static JsonNode manifest(Path dir) {
        try {
            return new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
