package io.ledgerline.contracts;

/** AMQP address names of the pipeline (DESIGN.md §2). Every address has a dead-letter twin. */
public final class Addresses {
    public static final String CALLS_CAPTURED = "ledgerline.calls.captured";
    public static final String CALLS_CLASSIFIED = "ledgerline.calls.classified";
    public static final String CALLS_EVALUATED = "ledgerline.calls.evaluated";
    public static final String CALLS_PRICED = "ledgerline.calls.priced";
    public static final String DRIFT_MEASURED = "ledgerline.drift.measured";
    public static final String ALERTS_RAISED = "ledgerline.alerts.raised";

    private Addresses() {
    }

    /** The dead-letter address of {@code address}. */
    public static String dlq(String address) {
        return address + ".dlq";
    }
}
