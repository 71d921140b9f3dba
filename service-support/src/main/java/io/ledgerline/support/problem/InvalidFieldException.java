package io.ledgerline.support.problem;

/** A request field, parameter or header that is wrong, and why: answered as 400 naming the field. */
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
