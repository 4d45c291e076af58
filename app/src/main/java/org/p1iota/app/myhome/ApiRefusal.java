package org.p1iota.app.myhome;

/**
 * A request My Home refuses, with what docs/http-api.md's error shape needs: the HTTP status, a
 * stable code for programs and a sentence for people.
 */
public class ApiRefusal extends Exception {

    private final int status;
    private final String code;

    public ApiRefusal(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
