package io.ledgerline.collector.receiver.otlp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.collector.auth.ProjectRef;
import io.ledgerline.collector.exporter.SpanRow;
import io.ledgerline.collector.problem.ProblemException;
import io.ledgerline.collector.processor.CallFinisher;
import io.ledgerline.collector.processor.ContentSanitizer;
import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallRecordCodec;
import io.ledgerline.contracts.SchemaViolation;
import io.ledgerline.contracts.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decodes an OTLP request and turns its spans into span rows and, for GenAI spans, captured calls. */
@ApplicationScoped
public class OtlpIntake {
    private final CallFinisher finisher;
    private final ContentSanitizer sanitizer;
    private final ObjectMapper json = new ObjectMapper();
    private final OtlpDecoder decoder = new OtlpDecoder(json);
    private final GenAiSpanMapper mapper = new GenAiSpanMapper(json);

    public OtlpIntake(CallFinisher finisher, ContentSanitizer sanitizer) {
        this.finisher = finisher;
        this.sanitizer = sanitizer;
    }

    record Read(List<SpanRow> spans, List<CallRecord> calls, List<SpanRejection> rejections) {
    }

    Read read(ProjectRef project, byte[] body, boolean protobuf) {
        OtlpBatch batch;
        try {
            batch = protobuf ? decoder.fromProtobuf(body) : decoder.fromJson(new String(body, StandardCharsets.UTF_8));
        } catch (MalformedOtlpException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the body is not a valid OTLP "
                    + (protobuf ? "protobuf" : "JSON") + " ExportTraceServiceRequest: " + e.getMessage());
        }
        List<SpanRow> rows = new ArrayList<>();
        List<CallRecord> calls = new ArrayList<>();
        List<SpanRejection> rejections = new ArrayList<>(batch.rejections());
        for (int i = 0; i < batch.spans().size(); i++) {
            OtlpSpan span = batch.spans().get(i);
            try {
                Optional<CallRecordBuilder> call = mapper.toCall(span);
                CallRecord record = call.map(b -> finisher.finish(b, project, Source.OTLP, null, null)).orElse(null);
                rows.add(row(span, record));
                if (record != null) {
                    calls.add(record);
                }
            } catch (SpanRejectedException | SchemaViolation e) {
                rejections.add(new SpanRejection(i, span.traceId(), span.spanId(), e.getMessage()));
            }
        }
        return new Read(rows, calls, rejections);
    }

    private SpanRow row(OtlpSpan span, CallRecord call) {
        // The enums' ordinals are OTLP's own numbers (SpanKind 0..5, StatusCode 0..2).
        // The stored strings pass the same sanitizer as the call (the call already did, in the finisher).
        return new SpanRow(span.traceId(), span.spanId(), span.parentSpanId(), sanitizer.text(span.name()),
                span.kind().ordinal(), span.startTime(), span.endTime(), span.statusCode().ordinal(),
                sanitizer.text(span.statusMessage()), toJson(sanitizer.value(span.attributes())),
                toJson(sanitizer.value(span.resourceAttributes())), call == null ? null : call.callId(),
                call == null ? null : CallRecordCodec.toJson(call));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("span attributes cannot be written as JSON", e);
        }
    }
}
