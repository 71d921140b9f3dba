package io.ledgerline.collector.receiver.otlp;

import java.time.Instant;

/** OTLP times: nanoseconds since the Unix epoch in an unsigned 64-bit field; zero means "not set". */
final class UnixNanos {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private UnixNanos() {
    }

    static Instant toInstant(long unsignedNanos) {
        if (unsignedNanos == 0) {
            return null;
        }
        return Instant.ofEpochSecond(
                Long.divideUnsigned(unsignedNanos, NANOS_PER_SECOND),
                Long.remainderUnsigned(unsignedNanos, NANOS_PER_SECOND));
    }
}
