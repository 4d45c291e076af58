package org.p1iota.app.consent.delivery;

/** An envelope could not be sealed or opened; the message says why (never the secret). */
public class EnvelopeFailure extends Exception {

    public EnvelopeFailure(String message) {
        super(message);
    }

    public EnvelopeFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
