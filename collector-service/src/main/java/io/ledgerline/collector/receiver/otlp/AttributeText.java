package io.ledgerline.collector.receiver.otlp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** Message content as text: strings as they are, structured values (arrays, key/value lists) as JSON. */
final class AttributeText {
    private final ObjectMapper objectMapper;

    AttributeText(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            try {
                return objectMapper.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return value.toString();
            }
        }
        return value.toString();
    }
}
