package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of a streamed response, whatever the framing (SSE, NDJSON, AWS event stream). {@code name} is the SSE
 * {@code event:} field or the AWS {@code :event-type} header (null when the framing has none); {@code data} is the
 * parsed payload, a text node when the payload was not JSON.
 */
record StreamEvent(String name, JsonNode data) {
}
