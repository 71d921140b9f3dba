package io.ledgerline.collector.receiver.otlp;

import java.util.List;

/** The result of decoding one export request: the spans that could be read and the ones that could not. */
public record OtlpBatch(List<OtlpSpan> spans, List<SpanRejection> rejections) {
    public OtlpBatch {
        spans = spans == null ? List.of() : List.copyOf(spans);
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }
}
