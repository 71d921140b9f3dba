package io.ledgerline.collector.receiver.otlp;

/** Raised while decoding one span that cannot be read; the readers turn it into a {@link SpanRejection}. */
final class InvalidSpanException extends RuntimeException {
    InvalidSpanException(String reason) {
        super(reason);
    }
}
