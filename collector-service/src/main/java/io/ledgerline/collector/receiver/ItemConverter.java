package io.ledgerline.collector.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.contracts.CallRecordBuilder;

/** Turns one JSON item of an ingest request into a call; throws {@link InvalidItemException} for bad input. */
public interface ItemConverter {
    CallRecordBuilder convert(JsonNode item);

    /** The client's own id for the call, if the item carries one. */
    String clientCallId(JsonNode item);
}
