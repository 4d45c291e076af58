package org.p1iota.app.consent.secrets;

/** A secret could not be created or read; the message names the file and what to do, never the secret. */
public class SecretStoreException extends Exception {

    public SecretStoreException(String message) {
        super(message);
    }

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
