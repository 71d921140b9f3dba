package io.ledgerline.collector.processor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where content is changed before it is stored or published (redaction, DESIGN §9, belongs here too).
 * It replaces, in every string of a call record and of a span's stored attributes, the characters that the span store
 * or the broker cannot carry with U+FFFD: U+0000 (PostgreSQL text and jsonb refuse it) and UTF-16 surrogates without
 * their pair (no UTF-8 encoding exists; the AMQP encoder refuses the whole message). Everything else is kept as sent.
 */
public final class ContentSanitizer {
    static final char REPLACEMENT = '\uFFFD';

    private final ObjectMapper mapper = CallRecordCodec.newMapper();

    /** The text with every unstorable character replaced; the same instance when there is none. */
    public String text(String text) {
        if (text == null || !hasUnstorable(text)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (isPair(text, i)) {
                clean.append(text, i, i + 2);
                i++;
            } else {
                char c = text.charAt(i);
                clean.append(c == 0 || Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return clean.toString();
    }

    /** A span attribute value (string, number, boolean, list or map of them), keys included. */
    public Object value(Object value) {
        if (value instanceof String text) {
            return text(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> clean = new LinkedHashMap<>();
            map.forEach((key, item) -> clean.put(text(String.valueOf(key)), value(item)));
            return clean;
        }
        if (value instanceof List<?> list) {
            List<Object> clean = new ArrayList<>(list.size());
            list.forEach(item -> clean.add(value(item)));
            return clean;
        }
        return value;
    }

    /** The call with every string field (messages, tags, names, notes …) cleaned; the same instance when clean. */
    public CallRecord call(CallRecord call) {
        JsonNode tree = mapper.valueToTree(call);
        JsonNode clean = clean(tree);
        if (clean == tree) {
            return call;
        }
        try {
            return mapper.treeToValue(clean, CallRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cleaned call record cannot be read back: " + e.getOriginalMessage(), e);
        }
    }

    /** The node with its strings and keys cleaned; the same node when nothing needed it. */
    private JsonNode clean(JsonNode node) {
        if (node.isTextual()) {
            String clean = text(node.asText());
            return clean == node.asText() ? node : TextNode.valueOf(clean);
        }
        boolean changed = false;
        if (node.isArray()) {
            ArrayNode array = mapper.createArrayNode();
            for (JsonNode child : node) {
                JsonNode clean = clean(child);
                changed |= clean != child;
                array.add(clean);
            }
            return changed ? array : node;
        }
        if (node.isObject()) {
            ObjectNode object = mapper.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = text(field.getKey());
                JsonNode clean = clean(field.getValue());
                changed |= key != field.getKey() || clean != field.getValue();
                object.set(key, clean);
            }
            return changed ? object : node;
        }
        return node;
    }

    private static boolean hasUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isPair(text, i)) {
                i++;
            } else if (text.charAt(i) == 0 || Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPair(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
