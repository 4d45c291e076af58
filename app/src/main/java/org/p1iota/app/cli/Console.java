package org.p1iota.app.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** Where a command reads and writes; the process streams in production, buffers in tests. */
public record Console(InputStream in, PrintStream out, PrintStream err) {

    public static Console system() {
        return new Console(System.in, System.out, System.err);
    }
}
