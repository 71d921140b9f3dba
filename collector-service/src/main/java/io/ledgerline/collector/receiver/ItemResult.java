package io.ledgerline.collector.receiver;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ledgerline.support.problem.Problem;

/** The answer for one item of an ingest request: the callId it was given, or why it was not taken. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemResult(int index, String callId, Problem.FieldError error) {

    public static ItemResult accepted(int index, String callId) {
        return new ItemResult(index, callId, null);
    }

    public static ItemResult rejected(int index, String field, String reason) {
        return new ItemResult(index, null, new Problem.FieldError(field, reason));
    }

    public boolean isAccepted() {
        return error == null;
    }
}
