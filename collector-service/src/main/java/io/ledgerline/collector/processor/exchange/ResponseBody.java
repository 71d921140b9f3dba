package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A response body after framing was removed: either one JSON {@code document} or a list of stream {@code events}
 * (or neither, for an empty or non-JSON body, in which case {@code text} still holds what came over the wire).
 */
record ResponseBody(JsonNode document, List<StreamEvent> events, String text) {

    boolean isStream() {
        return events != null;
    }

    static ResponseBody ofDocument(JsonNode document, String text) {
        return new ResponseBody(document, null, text);
    }

    static ResponseBody ofEvents(List<StreamEvent> events, String text) {
        return new ResponseBody(null, List.copyOf(events), text);
    }
}
