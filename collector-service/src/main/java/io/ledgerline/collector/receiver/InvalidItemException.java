package io.ledgerline.collector.receiver;

/** One item of an ingest request cannot be taken: {@code field} is its JSON path inside the item. */
public class InvalidItemException extends RuntimeException {
    private final String field;

    public InvalidItemException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
