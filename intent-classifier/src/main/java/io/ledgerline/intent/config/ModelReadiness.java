package io.ledgerline.intent.config;

import io.ledgerline.intent.model.IntentModel;
import io.ledgerline.intent.service.EmbeddingBatcher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the embedding model and the head are loaded (they are, before the first request is served). */
@Readiness
@ApplicationScoped
public class ModelReadiness implements HealthCheck {
    private final IntentModel model;
    private final EmbeddingBatcher batcher;

    public ModelReadiness(IntentModel model, EmbeddingBatcher batcher) {
        this.model = model;
        this.batcher = batcher;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("intent-model").up()
                .withData("modelVersion", model.modelVersion())
                .withData("queuedTexts", batcher.queued())
                .build();
    }
}
