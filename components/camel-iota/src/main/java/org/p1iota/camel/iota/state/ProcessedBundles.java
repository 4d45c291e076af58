package org.p1iota.camel.iota.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The messages a consumer has already emitted, kept in an append-only file (one message key per line,
 * {@link org.p1iota.iota.tangle.TangleMessage#messageKey()}; files written before 2026-12 hold bundle hashes,
 * forced to disk before {@link #add} returns) so that a restarted consumer emits each message once.
 * A torn last line from a crash is ignored.
 */
public final class ProcessedBundles {

    private final Path file;
    private final Set<String> bundles = new HashSet<>();

    private ProcessedBundles(Path file) {
        this.file = file;
    }

    public static ProcessedBundles open(Path file) throws IOException {
        ProcessedBundles processed = new ProcessedBundles(file);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            for (String line : lines) {
                if (line.length() == 81 || line.length() == 108) { // a bundle hash (before 2026-12) or a message key
                    processed.bundles.add(line);
                }
            }
        }
        return processed;
    }

    public synchronized boolean contains(String bundleHash) {
        return bundles.contains(bundleHash);
    }

    public synchronized int size() {
        return bundles.size();
    }

    public synchronized void add(String bundleHash) {
        if (!bundles.add(bundleHash)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(StandardCharsets.US_ASCII.encode(bundleHash + "\n"));
            channel.force(true);
        } catch (IOException e) {
            bundles.remove(bundleHash);
            throw new UncheckedIOException("cannot record processed bundle in " + file, e);
        }
    }
}
