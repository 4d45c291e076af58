package org.p1iota.app.cli;

/** The launcher's exit codes, as documented in README.md. */
public final class Exits {

    public static final int OK = 0;
    /** The work could not be done (input unreadable, node unreachable, nothing found, ...). */
    public static final int FAILURE = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;

    private Exits() {
    }
}
