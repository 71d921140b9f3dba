package io.ledgerline.collector.receiver.otlp;

import java.time.Instant;
import java.util.Map;

/** A span event (for example {@code gen_ai.user.message} or {@code exception}), with typed attribute values. */
public record OtlpEvent(String name, Instant time, Map<String, Object> attributes) {
    public OtlpEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
