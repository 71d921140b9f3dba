package io.ledgerline.collector.receiver.otlp;

/** The OTLP {@code Span.SpanKind}, in the order of its protobuf numbers. */
public enum OtlpSpanKind {
    UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER;

    /** The kind for a protobuf number; numbers this version does not know read as {@link #UNSPECIFIED}. */
    static OtlpSpanKind fromNumber(long number) {
        OtlpSpanKind[] kinds = values();
        return number >= 0 && number < kinds.length ? kinds[(int) number] : UNSPECIFIED;
    }

    /** The kind for an enum name as protobuf's JSON mapping writes it ({@code SPAN_KIND_CLIENT}). */
    static OtlpSpanKind fromName(String name) {
        for (OtlpSpanKind kind : values()) {
            if (("SPAN_KIND_" + kind.name()).equals(name)) {
                return kind;
            }
        }
        return UNSPECIFIED;
    }
}
