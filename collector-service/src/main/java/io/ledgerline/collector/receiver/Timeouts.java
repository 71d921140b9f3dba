package io.ledgerline.collector.receiver;

import java.time.Duration;

/** How long an ingest request waits for the database and the broker before it answers 503. */
public final class Timeouts {
    public static final Duration STORE = Duration.ofSeconds(10);
    public static final Duration EXPORT = Duration.ofSeconds(30);

    private Timeouts() {
    }
}
