package org.p1iota.camel.p1.parse;

/** A complete frame whose content is not a valid telegram (a line is not OBIS, a value does not fit). */
public class TelegramFormatException extends Exception {

    public TelegramFormatException(String message) {
        super(message);
    }
}
