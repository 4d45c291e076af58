package org.p1iota.iota.tangle;

/** The node refused a request or could not be reached (after the configured retries). */
public class TangleException extends Exception {

    private final boolean nodeUnreachable;

    public TangleException(String message, boolean nodeUnreachable, Throwable cause) {
        super(message, cause);
        this.nodeUnreachable = nodeUnreachable;
    }

    /** True when the node did not answer at all (connection refused, timeout), false when it said no. */
    public boolean isNodeUnreachable() {
        return nodeUnreachable;
    }
}
