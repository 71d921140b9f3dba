package io.ledgerline.intent.rest;

import io.ledgerline.support.problem.InvalidFieldException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.intent.model.ScoredLabel;
import io.ledgerline.intent.service.Classification;
import io.ledgerline.intent.service.IntentClassifier;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/classify}: a batch of texts → each one's label, confidence and the trained head's top 3. With
 * the tenant header, the tenant's own labels take part as they do for its calls.
 */
@Path("/api/v1/classify")
public class ClassifyResource {
    static final int MAX_TEXTS = 256;

    private final IntentClassifier classifier;

    public ClassifyResource(IntentClassifier classifier) {
        this.classifier = classifier;
    }

    public record Request(List<String> texts) {
    }

    /** The tenant's nearest example: its label and how alike it is (cosine similarity). */
    public record TenantMatch(String label, double similarity) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String label, double confidence, String source, List<ScoredLabel> top3,
            TenantMatch tenantMatch, String reason) {
        static Result of(Classification c) {
            ScoredLabel match = c.tenantMatch();
            return new Result(c.label(), c.confidence(), c.source(), c.top3(),
                    match == null ? null : new TenantMatch(match.label(), match.probability()), c.reason());
        }
    }

    public record Response(String modelVersion, List<Result> results) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> classify(@HeaderParam(Tenancy.HEADER) String tenant, JsonNode body) {
        List<String> texts = texts(body);
        String tenantId = Tenancy.optional(tenant).orElse(null);
        List<Uni<Classification>> each = new ArrayList<>();
        for (String text : texts) {
            each.add(classifier.classify(tenantId, text));
        }
        return Uni.join().all(each).andFailFast().map(results -> new Response(classifier.modelVersion(),
                results.stream().map(Result::of).toList()));
    }

    /** {@code {"texts": ["…", …]}}: 1 to 256 strings (an empty string is answered with {@code other}). */
    static List<String> texts(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidFieldException("body", "must be a JSON object {\"texts\": [\"...\"]}");
        }
        JsonNode texts = body.get("texts");
        if (texts == null || texts.isNull()) {
            throw new InvalidFieldException("texts", "is required: an array of 1 to " + MAX_TEXTS + " strings");
        }
        if (!texts.isArray()) {
            throw new InvalidFieldException("texts", "must be an array of strings, even for one text");
        }
        if (texts.isEmpty() || texts.size() > MAX_TEXTS) {
            throw new InvalidFieldException("texts", "must hold 1 to " + MAX_TEXTS + " texts, not " + texts.size());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isTextual()) {
                throw new InvalidFieldException("texts[" + i + "]", "must be a string, not " + texts.get(i).getNodeType()
                        .toString().toLowerCase(java.util.Locale.ROOT));
            }
            out.add(texts.get(i).textValue());
        }
        return out;
    }
}
