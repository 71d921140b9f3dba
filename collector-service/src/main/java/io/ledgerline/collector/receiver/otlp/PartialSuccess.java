package io.ledgerline.collector.receiver.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.util.List;
import java.util.stream.Collectors;

/** The OTLP answer: empty when every span was taken, else the rejected count and the reasons. */
record PartialSuccess(long rejectedSpans, String errorMessage) {
    private static final int MAX_REASONS = 10;

    static PartialSuccess of(List<SpanRejection> rejections) {
        if (rejections.isEmpty()) {
            return new PartialSuccess(0, "");
        }
        String reasons = rejections.stream().limit(MAX_REASONS)
                .map(r -> "span " + r.index() + (r.spanId() == null ? "" : " (" + r.spanId() + ")") + ": " + r.reason())
                .collect(Collectors.joining("; "));
        if (rejections.size() > MAX_REASONS) {
            reasons += "; and " + (rejections.size() - MAX_REASONS) + " more";
        }
        return new PartialSuccess(rejections.size(), reasons);
    }

    byte[] toProtobuf() {
        ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
        if (rejectedSpans > 0) {
            response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                    .setRejectedSpans(rejectedSpans).setErrorMessage(errorMessage));
        }
        return response.build().toByteArray();
    }

    String toJson() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        if (rejectedSpans > 0) {
            ObjectNode partial = root.putObject("partialSuccess");
            partial.put("rejectedSpans", String.valueOf(rejectedSpans)); // OTLP/JSON writes int64 as a string
            partial.put("errorMessage", errorMessage);
        }
        return root.toString();
    }
}
