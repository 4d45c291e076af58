package org.p1iota.app.spool;

import java.io.IOException;

/** The spool reached its disk limit: the record was not accepted. */
public class SpoolFullException extends IOException {

    public SpoolFullException(String message) {
        super(message);
    }
}
