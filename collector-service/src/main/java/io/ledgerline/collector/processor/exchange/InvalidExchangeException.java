package io.ledgerline.collector.processor.exchange;

/** The exchange cannot be recorded as it is; {@code field} names the offending part, e.g. {@code request.url}. */
public class InvalidExchangeException extends RuntimeException {
    private final String field;
    private final String reason;

    public InvalidExchangeException(String field, String reason) {
        super(field + ": " + reason);
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
