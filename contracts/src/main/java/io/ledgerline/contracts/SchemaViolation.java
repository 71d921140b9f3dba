package io.ledgerline.contracts;

/** A message that can never be processed as it is: it belongs on the dead-letter address with this reason. */
public class SchemaViolation extends RuntimeException {
    public SchemaViolation(String reason) {
        super(reason);
    }

    public SchemaViolation(String reason, Throwable cause) {
        super(reason, cause);
    }
}
