package org.p1iota.camel.p1.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A recorded capture replayed from a file (pacing is done by the consumer, per telegram). */
public final class FileSource implements P1Source {

    private final Path path;
    private volatile InputStream stream;

    public FileSource(Path path) {
        this.path = path;
    }

    @Override
    public InputStream open() throws IOException {
        InputStream opened = Files.newInputStream(path);
        stream = opened;
        return opened;
    }

    @Override
    public void close() {
        InputStream s = stream;
        stream = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with it
            }
        }
    }

    @Override
    public String describe() {
        return "file " + path;
    }

    @Override
    public boolean isReplay() {
        return true;
    }
}
