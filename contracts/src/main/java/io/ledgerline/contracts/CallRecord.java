package io.ledgerline.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The call record of DESIGN.md §3, schema version 1: built by the collector and enriched by each stage
 * (intent, evaluation, cost). Immutable; stages add their facet with the {@code with…} methods.
 */
public record CallRecord(
        int schemaVersion,
        // identity
        String callId,
        String tenantId,
        String projectId,
        Source source,
        String traceId,
        String spanId,
        String parentSpanId,
        // who / what
        String provider,
        String operation,
        String requestModel,
        String responseModel,
        String endUser,
        String sessionId,
        String workflow,
        boolean critical,
        Map<String, String> tags,
        // timing
        Instant startTime,
        Instant endTime,
        Long latencyMs,
        Long timeToFirstTokenMs,
        boolean streaming,
        // outcome
        CallStatus status,
        Integer httpStatus,
        String errorType,
        String finishReason,
        int attempt,
        String logicalRequestId,
        // content
        List<ChatMessage> inputMessages,
        List<ChatMessage> outputMessages,
        boolean contentTruncated,
        Usage usage,
        // facets
        IntentFacet intent,
        EvaluationFacet evaluation,
        CostFacet cost) {

    public static final int SCHEMA_VERSION = 1;

    public CallRecord {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        inputMessages = inputMessages == null ? List.of() : List.copyOf(inputMessages);
        outputMessages = outputMessages == null ? List.of() : List.copyOf(outputMessages);
    }

    /** The model the provider says answered, else the one that was asked for. */
    public String effectiveModel() {
        return responseModel != null && !responseModel.isBlank() ? responseModel : requestModel;
    }

    public CallRecord withIntent(IntentFacet facet) {
        return CallRecordBuilder.from(this).intent(facet).build();
    }

    public CallRecord withEvaluation(EvaluationFacet facet) {
        return CallRecordBuilder.from(this).evaluation(facet).build();
    }

    public CallRecord withCost(CostFacet facet) {
        return CallRecordBuilder.from(this).cost(facet).build();
    }
}
