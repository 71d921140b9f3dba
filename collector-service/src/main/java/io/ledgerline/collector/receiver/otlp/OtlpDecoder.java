package io.ledgerline.collector.receiver.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Decodes an OTLP/HTTP trace export body into {@link OtlpSpan}s. A body that cannot be read at all raises
 * {@link MalformedOtlpException}; a single span that cannot be read (missing or invalid ids, a malformed attribute)
 * becomes a {@link SpanRejection} and the other spans of the request are kept.
 */
public final class OtlpDecoder {
    private final ProtobufTraceReader protobufReader = new ProtobufTraceReader();
    private final JsonTraceReader jsonReader;

    public OtlpDecoder(ObjectMapper objectMapper) {
        this.jsonReader = new JsonTraceReader(objectMapper);
    }

    /** Decodes {@code application/x-protobuf}. */
    public OtlpBatch fromProtobuf(byte[] body) {
        return protobufReader.read(body == null ? new byte[0] : body);
    }

    /** Decodes {@code application/json} (OTLP/JSON). */
    public OtlpBatch fromJson(String body) {
        return jsonReader.read(body);
    }
}
