package io.ledgerline.intent.config;

import io.ledgerline.intent.embedding.CachingEmbedder;
import io.ledgerline.intent.embedding.EmbedderConfig;
import io.ledgerline.intent.embedding.EmbeddingCache;
import io.ledgerline.intent.embedding.SentenceEmbedder;
import io.ledgerline.intent.model.IntentHeadFiles;
import io.ledgerline.intent.model.IntentModel;
import io.ledgerline.intent.model.PromptText;
import io.ledgerline.intent.service.EmbeddingBatcher;
import io.ledgerline.intent.service.IntentDecision;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** The model and the plain classes around it, built once from {@link IntentConfig} (loaded at start, not on first use). */
public class ModelBeans {
    private static final Logger LOG = Logger.getLogger(ModelBeans.class);

    @Produces
    @Singleton
    IntentModel model(IntentConfig config) {
        IntentModel model = IntentHeadFiles.loadShipped(config.model());
        LOG.infof("intent head %s (validation macro-F1 %.3f, threshold %.3f)", model.modelVersion(),
                model.validationMacroF1(), model.head().threshold());
        return model;
    }

    @Produces
    @Singleton
    @Startup
    EmbeddingBatcher batcher(IntentConfig config, MeterRegistry registry) {
        EmbedderConfig embedder = EmbedderConfig.defaults(config.model())
                .withIntraOpThreads(config.intraOpThreads()).withCpuArena(config.cpuArena());
        if (config.workDir().isPresent()) {
            embedder = embedder.withWorkDir(Path.of(config.workDir().get()));
        }
        long t0 = System.nanoTime();
        CachingEmbedder cached = new CachingEmbedder(new SentenceEmbedder(embedder), config.cacheSize());
        LOG.infof("all-MiniLM-L6-v2 (%s) loaded in %d ms", config.model().id(), (System.nanoTime() - t0) / 1_000_000);
        IntentConfig.Batch batch = config.batch();
        EmbeddingBatcher batcher = new EmbeddingBatcher(cached, batch.workers(), batch.maxSize(),
                batch.queueCapacity());
        registry.gauge("ledgerline.intent.embedding.queued", batcher, EmbeddingBatcher::queued);
        registry.gauge("ledgerline.intent.embedding.batch.mean.size", batcher, EmbeddingBatcher::meanBatchSize);
        registry.gauge("ledgerline.intent.embedding.cache.hits", cached.cache(), EmbeddingCache::hits);
        registry.gauge("ledgerline.intent.embedding.cache.misses", cached.cache(), EmbeddingCache::misses);
        return batcher;
    }

    void close(@Disposes EmbeddingBatcher batcher) {
        batcher.close();
    }

    @Produces
    @Singleton
    PromptText promptText(IntentConfig config) {
        return new PromptText(config.prompt().systemPrefixChars(), config.prompt().totalChars());
    }

    @Produces
    @Singleton
    IntentDecision decision(IntentModel model, IntentConfig config) {
        return new IntentDecision(model.modelVersion(), model.head().threshold(),
                config.tenantLabels().minSimilarity());
    }
}
