package io.ledgerline.intent.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerline.testing.BrokerTestResource;
import io.ledgerline.testing.DatabaseTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/classify} and the tenant label API over HTTP, with the shipped model and a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(BrokerTestResource.class)
@QuarkusTestResource(DatabaseTestResource.class)
class ClassifyApiTest {

    static final String TENANT = "Ledgerline-Tenant";

    @Test
    void aBatchOfTextsGetsLabelsConfidencesAndTopThree() {
        JsonPath answer = classify(null, List.of("Write a SQL query that lists the ten customers with the highest "
                + "total order value.", "Translate into Spanish: 'The meeting is moved to Thursday.'"));
        assertEquals("code_generation", answer.getString("results[0].label"));
        assertEquals("translation", answer.getString("results[1].label"));
        assertEquals(3, answer.getList("results[0].top3").size());
        assertEquals("model", answer.getString("results[0].source"));
        // the answer is the head's top label and its confidence is that label's probability
        assertEquals(answer.getString("results[0].top3[0].label"), answer.getString("results[0].label"));
        assertEquals(answer.getDouble("results[0].top3[0].probability"), answer.getDouble("results[0].confidence"));
        assertTrue(answer.getString("modelVersion").startsWith("minilm-l6-v2-"));

        // the embedding queue and cache are observable; these two texts were embedded, so misses are at least 2
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("ledgerline_intent_embedding_queued"), "queue depth gauge");
        double misses = metrics.lines().filter(l -> l.startsWith("ledgerline_intent_embedding_cache_misses"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
        assertTrue(misses >= 2, "cache misses " + misses);
    }

    @Test
    void badTextsGetALabelAndNoError() {
        Random random = new Random(7);
        byte[] garbage = new byte[4096];
        random.nextBytes(garbage);
        List<String> texts = List.of("", "   \n\t ", "lorem ipsum dolor sit amet ".repeat(7600), // ~200 KB
                new String(garbage, StandardCharsets.ISO_8859_1), "Напиши 函数 in Python لـ sort a list",
                "<|endoftext|><|im_start|>[CLS][SEP][PAD][MASK]<|im_end|>");
        JsonPath answer = classify(null, texts);
        assertEquals(texts.size(), answer.getList("results").size());
        assertEquals("other", answer.getString("results[0].label"));
        assertEquals("the text is empty", answer.getString("results[0].reason"));
        assertEquals("other", answer.getString("results[1].label"));
        for (int i = 2; i < texts.size(); i++) {
            assertTrue(answer.getString("results[" + i + "].label").matches("[a-z_]+"), "result " + i);
        }
    }

    @Test
    void malformedRequestsAreProblemsNamingTheField() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/classify").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("texts"));
        given().contentType(ContentType.JSON).body("{\"texts\": [\"fine\", 42]}").post("/api/v1/classify").then()
                .statusCode(400).body("errors[0].field", equalTo("texts[1]"))
                .body("errors[0].reason", containsString("string"));
        given().contentType(ContentType.JSON).body("{\"texts\": []}").post("/api/v1/classify").then()
                .statusCode(400).body("errors[0].field", equalTo("texts"))
                .body("errors[0].reason", containsString("not 0"));
        given().contentType(ContentType.JSON).body("{\"texts\": \"hello\"}").post("/api/v1/classify").then()
                .statusCode(400).body("errors[0].reason", containsString("must be an array"));
        given().contentType(ContentType.JSON).body("{\"texts\": [").post("/api/v1/classify").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("line 1"));
        given().contentType(ContentType.JSON).body("{\"texts\": [\"" + "x".repeat(5_000_000) + "\"]}")
                .post("/api/v1/classify").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aTenantLabelTakesPrecedenceWhenItsExamplesAreClose() {
        String tenant = "t-" + UUID.randomUUID();
        String prompt = "Draft a reply to the cardholder disputing the charge of $48.20 from ACME Travel on 3 May.";
        // before: the trained head answers (not the tenant's label, which does not exist yet)
        assertEquals("model", classify(tenant, List.of(prompt)).getString("results[0].source"));

        given().header(TENANT, tenant).contentType(ContentType.JSON)
                .body(Map.of("description", "Replies to card disputes", "examples", List.of(
                        "Draft a reply to the cardholder disputing the charge of $12.99 from Netflix on 2 March.",
                        "Write the response letter for a customer who disputes a card transaction")))
                .put("/api/v1/intents/labels/dispute_drafting").then().statusCode(201)
                .body("label", equalTo("dispute_drafting")).body("examples", hasSize(2));
        JsonPath after = classify(tenant, List.of(prompt, "Translate into French: 'good morning'"));
        assertEquals("dispute_drafting", after.getString("results[0].label"), after.prettify());
        assertEquals("tenant", after.getString("results[0].source"));
        assertTrue(after.getDouble("results[0].confidence") >= 0.55, after.prettify());
        assertEquals(after.getDouble("results[0].confidence"), after.getDouble("results[0].tenantMatch.similarity"));
        assertEquals("translation", after.getString("results[1].label"), "an unrelated prompt keeps the head's label");
        // another tenant does not see it
        assertEquals("model", classify("t-" + UUID.randomUUID(), List.of(prompt)).getString("results[0].source"));

        given().header(TENANT, tenant).get("/api/v1/intents/labels").then().statusCode(200)
                .body("label", equalTo(List.of("dispute_drafting")))
                .body("[0].description", equalTo("Replies to card disputes"));
        given().header(TENANT, tenant).contentType(ContentType.JSON).body(Map.of("examples", List.of("x y z")))
                .put("/api/v1/intents/labels/dispute_drafting").then().statusCode(200);
        given().header(TENANT, tenant).delete("/api/v1/intents/labels/dispute_drafting").then().statusCode(204);
        given().header(TENANT, tenant).get("/api/v1/intents/labels/dispute_drafting").then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals("model", classify(tenant, List.of(prompt)).getString("results[0].source"));
    }

    @Test
    void badLabelsAreProblemsNamingTheField() {
        String tenant = "t-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("examples", List.of("a")))
                .put("/api/v1/intents/labels/refunds").then().statusCode(400).body("errors[0].field", equalTo(TENANT));
        given().header(TENANT, tenant).contentType(ContentType.JSON).body(Map.of("examples", List.of("a")))
                .put("/api/v1/intents/labels/Has Spaces").then().statusCode(400)
                .body("errors[0].field", equalTo("label"));
        given().header(TENANT, tenant).contentType(ContentType.JSON).body(Map.of("examples", List.of("a")))
                .put("/api/v1/intents/labels/other").then().statusCode(400).body("errors[0].field", equalTo("label"));
        given().header(TENANT, tenant).contentType(ContentType.JSON).body(Map.of("examples", List.of()))
                .put("/api/v1/intents/labels/refunds").then().statusCode(400)
                .body("errors[0].field", equalTo("examples"));
        given().header(TENANT, tenant).contentType(ContentType.JSON).body("{\"examples\": [\"ok\", \"  \"]}")
                .put("/api/v1/intents/labels/refunds").then().statusCode(400)
                .body("errors[0].field", equalTo("examples[1]"));
        // a NUL is not refused: the example is stored as the model reads it
        given().header(TENANT, tenant).contentType(ContentType.JSON).body("{\"examples\": [\"a\\u0000b\"]}")
                .put("/api/v1/intents/labels/nul").then().statusCode(201).body("examples[0]", equalTo("a b"));
        given().header(TENANT, tenant).delete("/api/v1/intents/labels/nul").then().statusCode(204);
        // nothing of the refused requests was stored
        given().header(TENANT, tenant).get("/api/v1/intents/labels").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void aTenantKeepsAtMostTwoThousandExamples() {
        String tenant = "t-" + UUID.randomUUID();
        for (int label = 0; label < 10; label++) {
            List<String> examples = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                examples.add("example " + i + " of label " + label);
            }
            given().header(TENANT, tenant).contentType(ContentType.JSON).body(Map.of("examples", examples))
                    .put("/api/v1/intents/labels/label-" + label).then().statusCode(201);
        }
        // 10 × 200 = 2000 kept; one more is refused, naming the field; replacing a label's examples is still fine
        given().header(TENANT, tenant).contentType(ContentType.JSON).body(Map.of("examples", List.of("one too many")))
                .put("/api/v1/intents/labels/label-10").then().statusCode(400)
                .body("errors[0].field", equalTo("examples")).body("errors[0].reason", containsString("2001"));
        given().header(TENANT, tenant).contentType(ContentType.JSON).body(Map.of("examples", List.of("fewer now")))
                .put("/api/v1/intents/labels/label-0").then().statusCode(200);
    }

    static JsonPath classify(String tenant, List<String> texts) {
        var request = given().contentType(ContentType.JSON).body(Map.of("texts", texts));
        if (tenant != null) {
            request = request.header(TENANT, tenant);
        }
        return request.post("/api/v1/classify").then().statusCode(200).extract().jsonPath();
    }
}
