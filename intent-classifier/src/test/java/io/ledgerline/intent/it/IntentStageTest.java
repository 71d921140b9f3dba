package io.ledgerline.intent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerline.contracts.Addresses;
import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallRecordCodec;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.ChatMessage;
import io.ledgerline.contracts.Source;
import io.ledgerline.contracts.TokenBucket;
import io.ledgerline.contracts.Usage;
import io.ledgerline.testing.AmqpTestClient;
import io.ledgerline.testing.BrokerTestResource;
import io.ledgerline.testing.DatabaseTestResource;
import io.ledgerline.testing.EmbeddedBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The intent stage against a real Artemis broker and a real PostgreSQL, with the shipped model: records in and out. */
@QuarkusTest
@QuarkusTestResource(BrokerTestResource.class)
@QuarkusTestResource(DatabaseTestResource.class)
class IntentStageTest {

    EmbeddedBroker broker;
    AmqpTestClient amqp;

    @Inject
    Pool pool;

    @BeforeEach
    void connect() {
        amqp = new AmqpTestClient(broker.port());
    }

    @AfterEach
    void disconnect() {
        amqp.close();
    }

    @Test
    void everyRecordComesOutOnceWithItsIntent() {
        String tenant = "t-" + UUID.randomUUID();
        // prompts whose intent nobody would argue about, one per label family the head was trained on
        Map<String, String> expected = new HashMap<>();
        List<CallRecord> calls = new ArrayList<>();
        addCall(calls, expected, tenant, "Write a Python function that returns the n-th Fibonacci number.",
                "code_generation");
        addCall(calls, expected, tenant, "Translate into German: 'Where is the train station?'", "translation");
        addCall(calls, expected, tenant, "Natalia sold clips to 48 of her friends in April, and then she sold half "
                + "as many clips in May. How many clips did Natalia sell altogether in April and May?",
                "math_reasoning");
        calls.forEach(c -> amqp.send(Addresses.CALLS_CAPTURED, CallRecordCodec.toJson(c)));

        Map<String, CallRecord> out = awaitClassified(tenant, calls.size());
        assertEquals(expected.keySet(), out.keySet());
        for (CallRecord call : calls) {
            CallRecord classified = out.get(call.callId());
            assertNotNull(classified.intent(), "no intent on " + call.callId());
            assertEquals(expected.get(call.callId()), classified.intent().label(), call.inputMessages().toString());
            assertTrue(classified.intent().confidence() > 0 && classified.intent().confidence() <= 1);
            assertTrue(classified.intent().modelVersion().startsWith("minilm-l6-v2-"),
                    classified.intent().modelVersion());
            // the rest of the record passes through untouched
            assertEquals(call.usage(), classified.usage());
            assertEquals(call.inputMessages(), classified.inputMessages());
        }
        assertEquals(calls.size(), storedIntents(tenant));
    }

    @Test
    void aCallWithoutAUserTurnPassesThroughAsOtherWithTheReason() {
        String tenant = "t-" + UUID.randomUUID();
        CallRecord call = call(tenant, List.of(ChatMessage.of("system", "You are a helpful assistant.")));
        amqp.send(Addresses.CALLS_CAPTURED, CallRecordCodec.toJson(call));

        CallRecord classified = awaitClassified(tenant, 1).get(call.callId());
        assertEquals("other", classified.intent().label());
        assertEquals(0.0, classified.intent().confidence());
        assertEquals("the call has no user turn to classify", classified.intent().reason());
    }

    @Test
    void aRedeliveredRecordGetsTheSameIntentAndIsStoredOnce() {
        String tenant = "t-" + UUID.randomUUID();
        CallRecord call = call(tenant, List.of(ChatMessage.of("user", "Summarize this article in two sentences: "
                + "The city council voted on Tuesday to extend the bike lane network by 40 km over three years.")));
        String json = CallRecordCodec.toJson(call);
        amqp.send(Addresses.CALLS_CAPTURED, json);
        CallRecord first = awaitClassified(tenant, 1).get(call.callId());
        amqp.send(Addresses.CALLS_CAPTURED, json);
        CallRecord second = awaitClassified(tenant, 1).get(call.callId());

        assertEquals(first.intent(), second.intent());
        assertEquals(1, storedIntents(tenant));
    }

    @Test
    void aRecordThatBreaksTheSchemaIsDeadLetteredWithTheReason() {
        amqp.send(Addresses.CALLS_CAPTURED, "{\"schemaVersion\": 1, \"provider\": \"openai\"}");
        List<String> dead = amqp.receive(Addresses.dlq(Addresses.CALLS_CAPTURED), 1, Duration.ofSeconds(15));
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).contains("\"provider\""), dead.get(0));
    }

    // --- helpers

    static void addCall(List<CallRecord> calls, Map<String, String> expected, String tenant, String prompt,
            String label) {
        CallRecord call = call(tenant, List.of(ChatMessage.of("system", "You are a helpful assistant."),
                ChatMessage.of("user", prompt)));
        calls.add(call);
        expected.put(call.callId(), label);
    }

    static CallRecord call(String tenant, List<ChatMessage> input) {
        String id = UUID.randomUUID().toString();
        Instant start = Instant.parse("2026-11-02T10:00:00Z");
        return new CallRecordBuilder().callId(id).tenantId(tenant).projectId("p1").source(Source.API)
                .provider("openai").operation("chat").requestModel("gpt-4o-mini").responseModel("gpt-4o-mini")
                .startTime(start).endTime(start.plusMillis(700)).latencyMs(700L).status(CallStatus.OK)
                .httpStatus(200).attempt(0).logicalRequestId(id).inputMessages(input)
                .usage(new Usage(TokenBucket.reported(20), TokenBucket.reported(0), TokenBucket.reported(0),
                        TokenBucket.reported(30), TokenBucket.reported(0), null, null, null))
                .build();
    }

    /** The tenant's records that arrive on calls.classified within 30 s (other tests' records are skipped). */
    Map<String, CallRecord> awaitClassified(String tenant, int count) {
        Map<String, CallRecord> seen = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            for (String json : amqp.receive(Addresses.CALLS_CLASSIFIED, count, Duration.ofSeconds(2))) {
                CallRecord record = CallRecordCodec.fromJson(json);
                if (record.tenantId().equals(tenant)) {
                    CallRecord before = seen.put(record.callId(), record);
                    assertEquals(null, before, "published twice for one delivery: " + record.callId());
                }
            }
        }
        return seen;
    }

    long storedIntents(String tenant) {
        return pool.preparedQuery("SELECT count(*) FROM intent.call_intent WHERE tenant_id = $1")
                .execute(Tuple.of(tenant)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
