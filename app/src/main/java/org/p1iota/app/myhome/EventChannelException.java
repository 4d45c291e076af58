package org.p1iota.app.myhome;

/** My Home's event channel could not be read or written: the IOTA node failed or is unreachable. */
public class EventChannelException extends Exception {

    public EventChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
