package io.ledgerline.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallRecordCodecTest {

    /** The call of the Anthropic cache-write example: 3 input, 12 304 cache-write, 550 output tokens. */
    private static String example() throws IOException {
        try (InputStream in = CallRecordCodecTest.class.getResourceAsStream("/anthropic-cache-write-call.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheDocumentWithItsValues() throws IOException {
        CallRecord call = CallRecordCodec.fromJson(example());
        assertEquals(Source.API, call.source());
        assertEquals(CallStatus.OK, call.status());
        assertEquals(Instant.parse("2024-08-15T09:30:01.123456789Z"), call.startTime());
        assertEquals(123456789, call.startTime().getNano());
        assertEquals(3, call.usage().inputTokens().tokens());
        assertEquals(12304, call.usage().cacheWriteTokens().tokens());
        assertEquals(TokenSource.REPORTED, call.usage().outputTokens().source());
        assertEquals(12307, call.usage().promptTokens());
        assertEquals(12857, call.usage().totalTokens());
        assertEquals(new BigDecimal("0.054399"), call.cost().total());
        assertEquals("payments", call.tags().get("team"));
    }

    @Test
    void roundTripsWithoutChange() throws IOException {
        CallRecord call = CallRecordCodec.fromJson(example());
        String written = CallRecordCodec.toJson(call);
        assertEquals(call, CallRecordCodec.fromJson(written));
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(example()).get("usage"), mapper.readTree(written).get("usage"));
    }

    @Test
    void writesMoneyAsDecimalStringsAndTimesWithNanoseconds() throws IOException {
        JsonNode written = new ObjectMapper().readTree(CallRecordCodec.toJson(CallRecordCodec.fromJson(example())));
        assertTrue(written.get("cost").get("total").isTextual());
        assertEquals("0.054399", written.get("cost").get("total").asText());
        assertEquals("0.04614", written.get("cost").get("buckets").get("cacheWrite").asText());
        assertEquals("2024-08-15T09:30:01.123456789Z", written.get("startTime").asText());
        assertEquals("anthropic", written.get("provider").asText());
        assertEquals("ok", written.get("status").asText());
    }

    @Test
    void refusesARecordThatBreaksTheSchemaNamingEveryField() {
        SchemaViolation violation = assertThrows(SchemaViolation.class,
                () -> CallRecordCodec.fromJson("{\"schemaVersion\": 2, \"provider\": \"openai\"}"));
        assertTrue(violation.getMessage().contains("schemaVersion must be 1 but is 2"), violation.getMessage());
        assertTrue(violation.getMessage().contains("callId is required"));
        assertTrue(violation.getMessage().contains("tenantId is required"));
        assertTrue(violation.getMessage().contains("usage is required"));
    }

    @Test
    void refusesSomethingThatIsNotACallRecord() {
        assertThrows(SchemaViolation.class, () -> CallRecordCodec.fromJson("[1, 2, 3]"));
        assertThrows(SchemaViolation.class, () -> CallRecordCodec.fromJson("{\"status\": \"maybe\"}"));
    }

    @Test
    void facetsAreAddedWithoutTouchingTheRest() throws IOException {
        CallRecord call = CallRecordCodec.fromJson(example());
        CallRecord classified = call.withIntent(IntentFacet.of("summarization", 0.91, "head-v1"));
        assertEquals("summarization", classified.intent().label());
        assertEquals(call.usage(), classified.usage());
        assertEquals(call.cost(), classified.cost());
        assertEquals(call.callId(), classified.callId());
    }
}
