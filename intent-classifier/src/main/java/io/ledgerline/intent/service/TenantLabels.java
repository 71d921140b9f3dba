package io.ledgerline.intent.service;

import io.ledgerline.intent.config.IntentConfig;
import io.ledgerline.intent.repository.TenantLabelRepository;
import io.ledgerline.intent.repository.TenantLabelRepository.StoredLabel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's label index, built from its stored examples (embedded with the configured model) and kept for
 * {@code refreshSeconds}; an edit through this instance replaces it at once, other instances see it on refresh.
 */
@ApplicationScoped
public class TenantLabels {

    private record Cached(TenantLabelIndex index, Instant loadedAt) {
    }

    private static final int CHUNK = 128;

    private final TenantLabelRepository repository;
    private final EmbeddingBatcher batcher;
    private final Duration refresh;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> byTenant = new ConcurrentHashMap<>();

    public TenantLabels(TenantLabelRepository repository, EmbeddingBatcher batcher, IntentConfig config) {
        this.repository = repository;
        this.batcher = batcher;
        this.refresh = Duration.ofSeconds(config.tenantLabels().refreshSeconds());
        this.clock = Clock.systemUTC();
    }

    public Uni<TenantLabelIndex> index(String tenantId) {
        if (tenantId == null) {
            return Uni.createFrom().item(TenantLabelIndex.EMPTY);
        }
        Cached cached = byTenant.get(tenantId);
        if (cached != null && cached.loadedAt().plus(refresh).isAfter(clock.instant())) {
            return Uni.createFrom().item(cached.index());
        }
        return repository.all(tenantId).chain(this::build).invoke(index ->
                byTenant.put(tenantId, new Cached(index, clock.instant())));
    }

    /** Drops the tenant's index so the next call reads the stored labels again. */
    public void changed(String tenantId) {
        byTenant.remove(tenantId);
    }

    private Uni<TenantLabelIndex> build(List<StoredLabel> labels) {
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (StoredLabel label : labels) {
            for (String example : label.examples()) {
                names.add(label.label());
                texts.add(example);
            }
        }
        return embedAll(texts).map(vectors -> {
            List<TenantLabelIndex.Example> examples = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                examples.add(new TenantLabelIndex.Example(names.get(i), vectors.get(i)));
            }
            return new TenantLabelIndex(examples);
        });
    }

    /** Embeds in chunks, one after the other, so a tenant with many examples never fills the embedding queue. */
    private Uni<List<float[]>> embedAll(List<String> texts) {
        Uni<List<float[]>> done = Uni.createFrom().item(ArrayList::new);
        for (int from = 0; from < texts.size(); from += CHUNK) {
            List<String> chunk = texts.subList(from, Math.min(texts.size(), from + CHUNK));
            done = done.chain(vectors -> {
                List<CompletableFuture<float[]>> pending = chunk.stream().map(batcher::submit).toList();
                return Uni.createFrom().completionStage(CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)))
                        .map(ignored -> {
                            pending.forEach(p -> vectors.add(p.join()));
                            return vectors;
                        });
            });
        }
        return done;
    }
}
