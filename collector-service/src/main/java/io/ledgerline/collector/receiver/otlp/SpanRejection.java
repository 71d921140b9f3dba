package io.ledgerline.collector.receiver.otlp;

/**
 * A span of an export request that could not be decoded or mapped. {@code index} counts the spans of the request
 * from 0 in the order they appear (across all resource and scope groups); {@code traceId} and {@code spanId} are the
 * hex ids when they could be read, else null.
 */
public record SpanRejection(int index, String traceId, String spanId, String reason) {
}
