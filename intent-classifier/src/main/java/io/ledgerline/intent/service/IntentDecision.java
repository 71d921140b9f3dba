package io.ledgerline.intent.service;

import io.ledgerline.intent.model.Prediction;
import io.ledgerline.intent.model.ScoredLabel;
import io.ledgerline.intent.model.Taxonomy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the trained head and a tenant's own labels are combined: a tenant label wins when its nearest example is at
 * least {@code minSimilarity} alike (the tenant said so with examples); otherwise the head decides, and a head that is
 * less sure than its calibrated threshold says {@code other}, with the reason.
 */
public final class IntentDecision {

    public static final String SOURCE_MODEL = "model";
    public static final String SOURCE_TENANT = "tenant";
    public static final String SOURCE_NONE = "none";

    private final String modelVersion;
    private final double threshold;
    private final double minSimilarity;

    public IntentDecision(String modelVersion, double threshold, double minSimilarity) {
        this.modelVersion = modelVersion;
        this.threshold = threshold;
        this.minSimilarity = minSimilarity;
    }

    public Classification decide(Prediction prediction, Optional<ScoredLabel> tenantMatch) {
        ScoredLabel match = tenantMatch.orElse(null);
        if (match != null && match.probability() >= minSimilarity) {
            return new Classification(match.label(), match.probability(), SOURCE_TENANT, tenantVersion(),
                    prediction.top3(), match, null);
        }
        String reason = prediction.isOther()
                ? String.format(Locale.ROOT, "confidence %.3f of the best label (%s) is below the threshold %.3f",
                        prediction.topProbability(), prediction.topLabel(), threshold)
                : null;
        return new Classification(prediction.label(), prediction.topProbability(), SOURCE_MODEL, modelVersion,
                prediction.top3(), match, reason);
    }

    /** Nothing to embed: {@code other} with the reason, and no model involved. */
    public Classification nothingToClassify(String reason) {
        return new Classification(Taxonomy.OTHER, 0.0, SOURCE_NONE, modelVersion, List.of(), null, reason);
    }

    /** Version recorded for tenant-label answers: the examples were embedded with this model's embedder. */
    String tenantVersion() {
        return "tenant-labels+" + modelVersion;
    }
}
