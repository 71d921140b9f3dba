package io.ledgerline.intent.rest;

/** A request field or header that is wrong, and why. */
public class InvalidFieldException extends RuntimeException {
    private final String field;
    private final String reason;

    public InvalidFieldException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
