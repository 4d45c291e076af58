package org.p1iota.app.consent.secrets;

/** What a person typed is not a pairing code. The message explains the format and never echoes the code. */
public class InvalidPairingCodeException extends Exception {

    public InvalidPairingCodeException(String message) {
        super(message);
    }
}
