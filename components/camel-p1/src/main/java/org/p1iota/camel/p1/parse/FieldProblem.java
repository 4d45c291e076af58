package org.p1iota.camel.p1.parse;

/**
 * A value that does not fit its OBIS code. Thrown and caught inside the parser for each bad line, so
 * it carries no stack trace (bad lines are data, not bugs, and must stay cheap).
 */
final class FieldProblem extends Exception {

    FieldProblem(String message) {
        super(message, null, false, false);
    }
}
