package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.contracts.CallRecordBuilder;

/**
 * One API shape (OpenAI chat, Anthropic messages, Bedrock Converse, …). A dialect reads content, model, finish reason
 * and the provider-reported usage; {@link ExchangeParser} does everything that is the same for all shapes.
 */
interface ApiDialect {

    /** Input messages from the request body (null when the body is not JSON). */
    void readRequest(JsonNode request, CallRecordBuilder call);

    /** Response model, output messages, finish reason and reported usage; a stream error sets the error fields. */
    void readResponse(ResponseBody body, CallRecordBuilder call);
}
