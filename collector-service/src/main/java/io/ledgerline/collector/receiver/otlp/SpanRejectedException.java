package io.ledgerline.collector.receiver.otlp;

/** One span cannot become a call, for example because a GenAI attribute has the wrong type; the reason says which. */
public class SpanRejectedException extends RuntimeException {
    private final String reason;

    public SpanRejectedException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
