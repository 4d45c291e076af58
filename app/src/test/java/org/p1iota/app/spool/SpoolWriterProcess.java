package org.p1iota.app.spool;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Test helper run in its own JVM: appends forever and prints each sequence once append returned. */
public final class SpoolWriterProcess {

    private SpoolWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (DurableSpool spool = DurableSpool.open(Path.of(args[0]), 4096, 1L << 30, 1 << 16)) {
            for (long i = 1; ; i++) {
                long sequence = spool.append(("telegram " + i).getBytes(StandardCharsets.UTF_8));
                System.out.println(sequence);
                System.out.flush();
            }
        }
    }
}
