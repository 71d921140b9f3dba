package io.ledgerline.collector.receiver.otlp;

/** The whole export request body is unreadable (not protobuf, not JSON, or not shaped like a trace export). */
public class MalformedOtlpException extends RuntimeException {
    private final String reason;

    public MalformedOtlpException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public MalformedOtlpException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
