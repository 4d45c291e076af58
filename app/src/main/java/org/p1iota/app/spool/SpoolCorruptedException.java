package org.p1iota.app.spool;

import java.io.IOException;

/** A spool file is damaged somewhere other than a torn last record (which is recovered silently). */
public class SpoolCorruptedException extends IOException {

    public SpoolCorruptedException(String message) {
        super(message);
    }
}
