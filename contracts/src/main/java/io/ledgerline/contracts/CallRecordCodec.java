package io.ledgerline.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON codec of the call record. Money is written as a decimal string, instants as ISO-8601 with nanoseconds,
 * nulls are left out. Unknown fields are tolerated (a newer producer may add facets); a record that violates the
 * schema is refused with a {@link SchemaViolation} naming every broken field.
 */
public final class CallRecordCodec {

    private static final ObjectMapper MAPPER = newMapper();

    private CallRecordCodec() {
    }

    /** A mapper configured as the codec's, for services that write other documents the same way. */
    public static ObjectMapper newMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        return mapper;
    }

    public static String toJson(CallRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("call record cannot be written: " + e.getMessage(), e);
        }
    }

    /**
     * The record as UTF-8 JSON, the form it crosses the broker in: bytes go out as they are, whereas a string body is
     * encoded by the AMQP library, which refuses some strings (an unpaired surrogate) in a way a sender does not see.
     */
    public static byte[] toJsonBytes(CallRecord record) {
        try {
            return MAPPER.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("call record cannot be written: " + e.getMessage(), e);
        }
    }

    public static CallRecord fromJson(String json) {
        CallRecord record;
        try {
            record = MAPPER.readValue(json, CallRecord.class);
        } catch (JsonProcessingException e) {
            throw new SchemaViolation("not a call record: " + e.getOriginalMessage(), e);
        }
        validate(record);
        return record;
    }

    /** Throws a {@link SchemaViolation} listing every required field that is missing or wrong. */
    public static void validate(CallRecord record) {
        List<String> problems = new ArrayList<>();
        if (record.schemaVersion() != CallRecord.SCHEMA_VERSION) {
            problems.add("schemaVersion must be " + CallRecord.SCHEMA_VERSION + " but is " + record.schemaVersion());
        }
        require(problems, "callId", record.callId());
        require(problems, "tenantId", record.tenantId());
        require(problems, "projectId", record.projectId());
        require(problems, "provider", record.provider());
        if (record.source() == null) {
            problems.add("source is required (otlp, api or proxy)");
        }
        if (record.status() == null) {
            problems.add("status is required (ok or error)");
        }
        if (record.startTime() == null) {
            problems.add("startTime is required");
        }
        if (record.usage() == null) {
            problems.add("usage is required");
        }
        if (!problems.isEmpty()) {
            throw new SchemaViolation(String.join("; ", problems));
        }
    }

    private static void require(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required");
        }
    }
}
