package org.p1iota.app.cli;

/** The command line was wrong: the launcher prints the message and the command's usage, and exits 2. */
public class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
