package org.p1iota.app.node;

/**
 * A request the node refuses, with the HTTP status and body shape IRI 1.8.6 uses: 400 {@code error},
 * 401 {@code error} (access limited) or 500 {@code exception} (malformed parameters); and, where IRI has no
 * answer because it never refuses work, 503 {@code error} (attachToTangle busy).
 */
public final class IriException extends RuntimeException {

    private final int status;

    private IriException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** 400 {"error": message}: bad JSON, unknown command, store validation failures. */
    public static IriException badRequest(String message) {
        return new IriException(400, message);
    }

    /** 401 {"error": message}: a limited command from an untrusted host. */
    public static IriException accessLimited(String command) {
        return new IriException(401, "COMMAND " + command + " is not available on this node");
    }

    /** 500 {"exception": message}: malformed or missing parameters. */
    public static IriException invalid(String message) {
        return new IriException(500, message);
    }

    /** 503 {"error": message}: no room for the call now; the caller may retry later (IRI has no such reply). */
    public static IriException unavailable(String message) {
        return new IriException(503, message);
    }

    public int status() {
        return status;
    }

    /** The JSON field IRI puts the message in. */
    public String field() {
        return status == 500 ? "exception" : "error";
    }
}
