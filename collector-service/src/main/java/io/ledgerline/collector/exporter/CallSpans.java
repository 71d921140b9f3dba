package io.ledgerline.collector.exporter;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordCodec;
import io.ledgerline.contracts.CallStatus;

/** The span that stands for a call that arrived as an exchange or native JSON (it has no OTLP span of its own). */
public final class CallSpans {
    private static final int SPAN_KIND_CLIENT = 3;
    private static final int STATUS_OK = 1;
    private static final int STATUS_ERROR = 2;

    private CallSpans() {
    }

    public static SpanRow of(CallRecord call) {
        String name = (call.operation() == null ? "call" : call.operation())
                + (call.effectiveModel() == null ? "" : " " + call.effectiveModel());
        return new SpanRow(call.traceId(), call.spanId(), call.parentSpanId(), name, SPAN_KIND_CLIENT,
                call.startTime(), call.endTime(), call.status() == CallStatus.ERROR ? STATUS_ERROR : STATUS_OK,
                call.errorType(), null, null, call.callId(), CallRecordCodec.toJson(call));
    }
}
