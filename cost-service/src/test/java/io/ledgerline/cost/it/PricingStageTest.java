package io.ledgerline.cost.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerline.contracts.Addresses;
import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallRecordCodec;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.IntentFacet;
import io.ledgerline.contracts.Source;
import io.ledgerline.contracts.TokenBucket;
import io.ledgerline.contracts.Usage;
import io.ledgerline.testing.AmqpTestClient;
import io.ledgerline.testing.BrokerTestResource;
import io.ledgerline.testing.DatabaseTestResource;
import io.ledgerline.testing.EmbeddedBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cost stage against a real Artemis broker and a real PostgreSQL: records in, ledger and summaries out. */
@QuarkusTest
@QuarkusTestResource(BrokerTestResource.class)
@QuarkusTestResource(DatabaseTestResource.class)
class PricingStageTest {

    EmbeddedBroker broker;
    AmqpTestClient amqp;

    @BeforeEach
    void connect() {
        amqp = new AmqpTestClient(broker.port());
    }

    @AfterEach
    void disconnect() {
        amqp.close();
    }

    @Test
    void pricesAnthropicCacheWritesOnceNotTwice() {
        String tenant = "t-" + UUID.randomUUID();
        // Anthropic usage input 3, cache write 12 304, cache read 0, output 550 at claude-3-5-sonnet-20241022's
        // LiteLLM prices $3 / $3.75 (cache write) / $15 per million:
        // 3 × 0.000003 + 12304 × 0.00000375 + 550 × 0.000015 = 0.000009 + 0.04614 + 0.00825 = 0.054399
        CallRecord call = call(tenant, "anthropic", "claude-3-5-sonnet-20241022", Instant.parse("2025-07-02T10:00:00Z"))
                .usage(usage(3, 0, 12304, 550, 0)).build();
        amqp.send(Addresses.CALLS_CLASSIFIED, CallRecordCodec.toJson(call));

        JsonPath priced = awaitPriced(tenant, call.callId());
        assertEquals("0.054399", priced.getString("call.cost.total"));
        assertEquals(0, new BigDecimal("0.04614").compareTo(new BigDecimal(priced.getString("call.cost.buckets.cacheWrite"))));
        assertEquals("0.00000375", priced.getString("priceUsed.cacheWritePerToken"));
        assertEquals("0.000003", priced.getString("priceUsed.inputPerToken"));
        assertEquals("litellm-2025-06-28", priced.getString("rateCardVersion"));
        assertEquals("0.054399", priced.getString("call.cost.ncu.total"));

        List<String> published = amqp.receive(Addresses.CALLS_PRICED, 50, Duration.ofSeconds(10));
        assertTrue(published.stream().map(CallRecordCodec::fromJson)
                .anyMatch(r -> r.callId().equals(call.callId()) && r.cost().total().compareTo(new BigDecimal("0.054399")) == 0));
    }

    @Test
    void aRedeliveredRecordChangesNothing() {
        String tenant = "t-" + UUID.randomUUID();
        // OpenAI: prompt 2006 of which 1920 cached, completion 300 at gpt-4o's $2.50 / $1.25 / $10 per million:
        // 86 × 0.0000025 + 1920 × 0.00000125 + 300 × 0.00001 = 0.000215 + 0.0024 + 0.003 = 0.005615
        CallRecord call = call(tenant, "openai", "gpt-4o-2024-08-06", Instant.parse("2025-07-02T10:00:00Z"))
                .usage(usage(86, 1920, 0, 300, 0)).build();
        amqp.send(Addresses.CALLS_CLASSIFIED, CallRecordCodec.toJson(call));
        awaitPriced(tenant, call.callId());
        amqp.send(Addresses.CALLS_CLASSIFIED, CallRecordCodec.toJson(call));
        CallRecord marker = call(tenant, "openai", "gpt-4o", Instant.parse("2025-07-02T10:05:00Z"))
                .usage(usage(10, 0, 0, 10, 0)).build();
        amqp.send(Addresses.CALLS_CLASSIFIED, CallRecordCodec.toJson(marker));
        awaitPriced(tenant, marker.callId());

        JsonPath summary = summary(tenant, "2025-07-02T00:00:00Z", "2025-07-03T00:00:00Z", "UTC", "model");
        assertEquals(2, summary.getInt("total.calls"));
        // 0.005615 + marker (10 × 0.0000025 + 10 × 0.00001 = 0.000125) = 0.00574
        assertEquals("0.00574", summary.getString("total.cost"));
        assertEquals("0.005615", priced(tenant, call.callId()).getString("call.cost.total"));
    }

    @Test
    void tinyAmountsAreWrittenAsPlainDecimals() {
        String tenant = "t-" + UUID.randomUUID();
        // One input token of gpt-4o-mini at $0.15 per million = 0.00000015 (BigDecimal.toString writes 1.5E-7).
        CallRecord call = call(tenant, "openai", "gpt-4o-mini", Instant.parse("2025-07-02T10:00:00Z"))
                .usage(usage(1, 0, 0, 0, 0)).build();
        amqp.send(Addresses.CALLS_CLASSIFIED, CallRecordCodec.toJson(call));
        awaitPriced(tenant, call.callId());

        JsonPath summary = summary(tenant, "2025-07-02T00:00:00Z", "2025-07-03T00:00:00Z", "UTC", "model");
        assertEquals("0.00000015", summary.getString("total.cost"));
        assertEquals("0.00000015", summary.getString("groups[0].metrics.ncu"));
    }

    @Test
    void aRecordThatBreaksTheSchemaGoesToTheDeadLetterAddressWithItsReason() {
        amqp.send(Addresses.CALLS_CLASSIFIED, "{\"schemaVersion\": 1, \"provider\": \"openai\"}");
        List<String> dead = amqp.receive(Addresses.dlq(Addresses.CALLS_CLASSIFIED), 1, Duration.ofSeconds(15));
        assertEquals(List.of("{\"schemaVersion\": 1, \"provider\": \"openai\"}"), dead);
    }

    @Test
    void retryCostCarriesTheNcuOfEarlierFailedAttemptsAndTimeHasAPrice() {
        String tenant = "t-" + UUID.randomUUID();
        given().header("Ledgerline-Tenant", tenant).contentType("application/json")
                .body("{\"project\": {\"valueOfTimePerSecond\": \"0.01\", \"latencyBudgetSeconds\": \"2\"}}")
                .put("/api/v1/projects/p1/ncu-settings").then().statusCode(200);
        String logical = UUID.randomUUID().toString();
        // Attempt 0 failed after 1 s but the provider billed 1000 input tokens of gpt-4o: 1000 × 0.0000025 = 0.0025;
        // latency 1 s is within the 2 s budget, so its NCU is 0.0025.
        CallRecord failed = call(tenant, "openai", "gpt-4o", Instant.parse("2025-07-03T08:00:00Z"))
                .status(CallStatus.ERROR).httpStatus(500).attempt(0).logicalRequestId(logical).latencyMs(1000L)
                .usage(usage(1000, 0, 0, 0, 0)).build();
        amqp.send(Addresses.CALLS_CLASSIFIED, CallRecordCodec.toJson(failed));
        awaitPriced(tenant, failed.callId());
        // Attempt 1: 1000 input + 100 output = 0.0025 + 0.001 = 0.0035; latency 3.5 s is 1.5 s over budget at
        // $0.01/s = 0.015; retry cost 0.0025; NCU = 0.0035 + 0.015 + 0.0025 = 0.021.
        CallRecord retried = call(tenant, "openai", "gpt-4o", Instant.parse("2025-07-03T08:00:02Z"))
                .attempt(1).logicalRequestId(logical).latencyMs(3500L).usage(usage(1000, 0, 0, 100, 0)).build();
        amqp.send(Addresses.CALLS_CLASSIFIED, CallRecordCodec.toJson(retried));
        JsonPath priced = awaitPriced(tenant, retried.callId());
        assertEquals(0, new BigDecimal("0.0035").compareTo(new BigDecimal(priced.getString("call.cost.ncu.tokenCost"))));
        assertEquals(0, new BigDecimal("0.015").compareTo(new BigDecimal(priced.getString("call.cost.ncu.latencyPenalty"))));
        assertEquals(0, new BigDecimal("0.0025").compareTo(new BigDecimal(priced.getString("call.cost.ncu.retryCost"))));
        assertEquals(0, new BigDecimal("0.021").compareTo(new BigDecimal(priced.getString("call.cost.ncu.total"))));
    }

    @Test
    void daysAreTheRequestedZonesDaysAndAddUpToTheRange() {
        String tenant = "t-" + UUID.randomUUID();
        // 17:00Z is 22:30 on 1 March in Kolkata (UTC+05:30); 20:00Z is 01:30 on 2 March there, though both are
        // 1 March in UTC. gpt-4o, 1000 input tokens each: 0.0025 each.
        CallRecord evening = call(tenant, "openai", "gpt-4o", Instant.parse("2025-03-01T17:00:00Z"))
                .usage(usage(1000, 0, 0, 0, 0)).build();
        CallRecord night = call(tenant, "openai", "gpt-4o", Instant.parse("2025-03-01T20:00:00Z"))
                .usage(usage(1000, 0, 0, 0, 0)).build();
        CallRecord unknown = call(tenant, "openai", "gpt-nonexistent-9", Instant.parse("2025-03-01T20:30:00Z"))
                .usage(usage(1000, 0, 0, 0, 0)).build();
        for (CallRecord c : List.of(evening, night, unknown)) {
            amqp.send(Addresses.CALLS_CLASSIFIED, CallRecordCodec.toJson(c));
        }
        awaitPriced(tenant, evening.callId());
        awaitPriced(tenant, night.callId());
        JsonPath unpriced = awaitPriced(tenant, unknown.callId());
        assertEquals(false, unpriced.getBoolean("call.cost.priced"));
        assertTrue(unpriced.getString("call.cost.unpricedReason").contains("gpt-nonexistent-9"));

        JsonPath kolkata = summary(tenant, "2025-02-28T18:30:00Z", "2025-03-02T18:30:00Z", "Asia/Kolkata", "day");
        assertEquals(3, kolkata.getInt("total.calls"));
        assertEquals(1, kolkata.getInt("total.unpricedCalls"));
        assertEquals("0.005", kolkata.getString("total.cost"));
        assertEquals(List.of("2025-03-01T00:00+05:30", "2025-03-02T00:00+05:30"), kolkata.getList("groups.key.day"));
        assertEquals(List.of(1, 2), kolkata.getList("groups.metrics.calls"));
        assertEquals(List.of("0.0025", "0.0025"), kolkata.getList("groups.metrics.cost"));

        JsonPath utc = summary(tenant, "2025-03-01T00:00:00Z", "2025-03-02T00:00:00Z", "UTC", "day");
        assertEquals(List.of(3), utc.getList("groups.metrics.calls"));
    }

    @Test
    void dataTheDatabaseRefusesIsDeadLetteredNotRedeliveredForever() {
        String tenant = "t-" + UUID.randomUUID();
        Instant start = Instant.parse("2025-05-01T09:00:00Z");
        // the roll-up adds the second call's input tokens to the first's: 2 × (2^63 − 1) does not fit a bigint
        CallRecord first = call(tenant, "openai", "gpt-4o", start).usage(usage(Long.MAX_VALUE, 0, 0, 0, 0)).build();
        CallRecord second = call(tenant, "openai", "gpt-4o", start).usage(usage(Long.MAX_VALUE, 0, 0, 0, 0)).build();
        amqp.send(Addresses.CALLS_CLASSIFIED, CallRecordCodec.toJson(first));
        awaitPriced(tenant, first.callId());
        amqp.send(Addresses.CALLS_CLASSIFIED, CallRecordCodec.toJson(second));

        List<String> dead = amqp.receive(Addresses.dlq(Addresses.CALLS_CLASSIFIED), 1, Duration.ofSeconds(15));
        assertEquals(1, dead.size(), "the refused call is dead-lettered at once");
        assertEquals(second.callId(), CallRecordCodec.fromJson(dead.get(0)).callId());
        given().header("Ledgerline-Tenant", tenant).get("/api/v1/calls/" + second.callId()).then().statusCode(404);
    }

    @Test
    void costIsSummedPerIntent() {
        String tenant = "t-" + UUID.randomUUID();
        // gpt-4o at $2.50 / $10 per million: 1000 input + 100 output = 0.0025 + 0.001 = 0.0035 per call;
        // two translation calls 0.007, one code_generation call 0.0035, one call without an intent 0.0035
        Instant start = Instant.parse("2025-04-01T09:00:00Z");
        List<CallRecord> calls = List.of(
                call(tenant, "openai", "gpt-4o", start).usage(usage(1000, 0, 0, 100, 0))
                        .intent(IntentFacet.of("translation", 0.9, "test-head")).build(),
                call(tenant, "openai", "gpt-4o", start).usage(usage(1000, 0, 0, 100, 0))
                        .intent(IntentFacet.of("translation", 0.8, "test-head")).build(),
                call(tenant, "openai", "gpt-4o", start).usage(usage(1000, 0, 0, 100, 0))
                        .intent(IntentFacet.of("code_generation", 0.7, "test-head")).build(),
                call(tenant, "openai", "gpt-4o", start).usage(usage(1000, 0, 0, 100, 0)).build());
        calls.forEach(c -> amqp.send(Addresses.CALLS_CLASSIFIED, CallRecordCodec.toJson(c)));
        calls.forEach(c -> awaitPriced(tenant, c.callId()));

        JsonPath byIntent = summary(tenant, "2025-04-01T00:00:00Z", "2025-04-02T00:00:00Z", "UTC", "intent");
        assertEquals("0.014", byIntent.getString("total.cost"));
        Map<String, String> costByIntent = new HashMap<>();
        for (int i = 0; i < byIntent.getList("groups").size(); i++) {
            costByIntent.put(byIntent.getString("groups[" + i + "].key.intent"),
                    byIntent.getString("groups[" + i + "].metrics.cost"));
        }
        Map<String, String> expected = new HashMap<>(Map.of("translation", "0.007", "code_generation", "0.0035"));
        expected.put(null, "0.0035"); // a call without an intent is grouped under a null key
        assertEquals(expected, costByIntent);
    }

    @Test
    void aTenantSeesOnlyItsOwnCalls() {
        String tenant = "t-" + UUID.randomUUID();
        CallRecord call = call(tenant, "openai", "gpt-4o", Instant.parse("2025-07-04T10:00:00Z"))
                .usage(usage(10, 0, 0, 10, 0)).build();
        amqp.send(Addresses.CALLS_CLASSIFIED, CallRecordCodec.toJson(call));
        awaitPriced(tenant, call.callId());
        given().header("Ledgerline-Tenant", "someone-else").get("/api/v1/calls/" + call.callId())
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, summary("someone-else", "2025-07-04T00:00:00Z", "2025-07-05T00:00:00Z", "UTC", "")
                .getInt("total.calls"));
    }

    @Test
    void requestBodiesOfTheWrongShapeAreProblemsNamingTheField() {
        String path = "/api/v1/projects/p1/ncu-settings";
        given().header("Ledgerline-Tenant", "t").contentType("application/json").body("{\"project\": \"x\"}")
                .put(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("project"));
        given().header("Ledgerline-Tenant", "t").contentType("application/json")
                .body("{\"project\": {\"valueOfTimePerSecnd\": \"0.01\"}}").put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("project.valueOfTimePerSecnd"))
                .body("errors[0].reason", equalTo("is not a field of this request"));
        given().header("Ledgerline-Tenant", "t").contentType("application/json").body("{\"project\": {")
                .put(path).then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("line 1"));
        given().header("Ledgerline-Tenant", "t").contentType("application/json")
                .body("{\"provider\": \"open\\u0000ai\", \"model\": \"m\", \"inputPerToken\": \"0.000001\", "
                        + "\"outputPerToken\": \"0.000002\"}")
                .put("/api/v1/rate-card/overrides").then().statusCode(400).body("errors[0].field", equalTo("provider"));
        given().header("Ledgerline-Tenant", "t").contentType("application/json")
                .body("{\"pad\": \"" + "x".repeat(1_100_000) + "\"}")
                .put(path).then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void badSummaryRequestsNameTheParameter() {
        given().header("Ledgerline-Tenant", "t").queryParam("from", "yesterday").queryParam("to", "2025-01-01T00:00:00Z")
                .get("/api/v1/costs/summary").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().header("Ledgerline-Tenant", "t").queryParam("from", "2025-01-01T00:00:00Z")
                .queryParam("to", "2025-01-02T00:00:00Z").queryParam("groupBy", "colour")
                .get("/api/v1/costs/summary").then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        given().header("Ledgerline-Tenant", "t").queryParam("from", "2025-01-01T00:00:00Z")
                .queryParam("to", "2025-01-02T00:00:00Z").queryParam("zone", "Mars/Olympus")
                .get("/api/v1/costs/summary").then().statusCode(400).body("errors[0].field", equalTo("zone"));
        given().queryParam("from", "2025-01-01T00:00:00Z").queryParam("to", "2025-01-02T00:00:00Z")
                .get("/api/v1/costs/summary").then().statusCode(400).body("errors[0].field", equalTo("Ledgerline-Tenant"));
    }

    @Test
    void anImplausibleOverrideIsRefusedAndAGoodOneWinsOverTheDefaultCard() {
        String tenant = "t-" + UUID.randomUUID();
        given().header("Ledgerline-Tenant", tenant).contentType("application/json")
                .body("{\"provider\": \"openai\", \"model\": \"gpt-4o\", \"inputPerToken\": \"2.5\", \"outputPerToken\": \"10\"}")
                .put("/api/v1/rate-card/overrides").then().statusCode(400).body("errors[0].field", equalTo("inputPerToken"));
        given().header("Ledgerline-Tenant", tenant).contentType("application/json")
                .body("{\"provider\": \"openai\", \"model\": \"gpt-4o\", \"effectiveFrom\": \"2025-01-01T00:00:00Z\", "
                        + "\"inputPerToken\": \"0.000002\", \"outputPerToken\": \"0.000008\"}")
                .put("/api/v1/rate-card/overrides").then().statusCode(200);
        // Negotiated: 1000 × 0.000002 + 100 × 0.000008 = 0.002 + 0.0008 = 0.0028 (the list price would be 0.0035).
        CallRecord call = call(tenant, "openai", "gpt-4o-2024-08-06", Instant.parse("2025-07-05T10:00:00Z"))
                .usage(usage(1000, 0, 0, 100, 0)).build();
        amqp.send(Addresses.CALLS_CLASSIFIED, CallRecordCodec.toJson(call));
        JsonPath priced = awaitPriced(tenant, call.callId());
        assertEquals(0, new BigDecimal("0.0028").compareTo(new BigDecimal(priced.getString("call.cost.total"))));
        assertEquals("tenant-override", priced.getString("rateCardVersion"));
    }

    // --- helpers

    static CallRecordBuilder call(String tenant, String provider, String model, Instant start) {
        String id = UUID.randomUUID().toString();
        return new CallRecordBuilder().callId(id).tenantId(tenant).projectId("p1").source(Source.API)
                .provider(provider).operation("chat").requestModel(model).responseModel(model)
                .startTime(start).endTime(start.plusMillis(800)).latencyMs(800L).status(CallStatus.OK)
                .httpStatus(200).attempt(0).logicalRequestId(id);
    }

    static Usage usage(long input, long cacheRead, long cacheWrite, long output, long reasoning) {
        return new Usage(TokenBucket.reported(input), TokenBucket.reported(cacheRead),
                TokenBucket.reported(cacheWrite), TokenBucket.reported(output), TokenBucket.reported(reasoning),
                null, null, null);
    }

    static JsonPath priced(String tenant, String callId) {
        return given().header("Ledgerline-Tenant", tenant).get("/api/v1/calls/" + callId).then().statusCode(200)
                .extract().jsonPath();
    }

    static JsonPath awaitPriced(String tenant, String callId) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            var response = given().header("Ledgerline-Tenant", tenant).get("/api/v1/calls/" + callId);
            if (response.statusCode() == 200) {
                return response.jsonPath();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("call " + callId + " was not priced within 30 s");
    }

    static JsonPath summary(String tenant, String from, String to, String zone, String groupBy) {
        return given().header("Ledgerline-Tenant", tenant).queryParam("from", from).queryParam("to", to)
                .queryParam("zone", zone).queryParam("groupBy", groupBy).get("/api/v1/costs/summary")
                .then().statusCode(200).extract().jsonPath();
    }
}
