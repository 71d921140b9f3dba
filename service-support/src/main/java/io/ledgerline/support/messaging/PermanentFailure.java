package io.ledgerline.support.messaging;

import io.ledgerline.contracts.SchemaViolation;
import io.vertx.pgclient.PgException;

/**
 * Whether a failure to handle a record will happen again on every redelivery: a record that breaks the schema, or
 * data the database refuses (SQLSTATE class 22, "data exception": a number out of range, a character it cannot
 * store). Such records go to the dead-letter address at once instead of being redelivered until the broker gives up.
 * Anything else (a database or broker that is down, a time-out, a full queue) may pass, and is redelivered.
 */
public final class PermanentFailure {

    private PermanentFailure() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SchemaViolation) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
