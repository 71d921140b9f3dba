package io.ledgerline.intent.embedding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TextEmbedder} that answers repeated texts from an {@link EmbeddingCache}; for a batch only the misses are
 * sent to the delegate (once per distinct text). Closing it closes the delegate.
 */
public final class CachingEmbedder implements TextEmbedder {

    private final TextEmbedder delegate;
    private final EmbeddingCache cache;

    public CachingEmbedder(TextEmbedder delegate, EmbeddingCache cache) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    public CachingEmbedder(TextEmbedder delegate, int cacheSize) {
        this(delegate, new EmbeddingCache(cacheSize));
    }

    @Override
    public float[] embed(String text) {
        String key = text == null ? "" : text;
        Optional<float[]> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        float[] v = delegate.embed(key);
        cache.put(key, v);
        return v;
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        Map<String, List<Integer>> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String key = texts.get(i) == null ? "" : texts.get(i);
            Optional<float[]> cached = cache.get(key);
            if (cached.isPresent()) {
                out[i] = cached.get();
            } else {
                missing.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<String> toEmbed = new ArrayList<>(missing.keySet());
            float[][] fresh = delegate.embed(toEmbed);
            for (int j = 0; j < toEmbed.size(); j++) {
                cache.put(toEmbed.get(j), fresh[j]);
                List<Integer> positions = missing.get(toEmbed.get(j));
                for (int p = 0; p < positions.size(); p++) {
                    out[positions.get(p)] = p == 0 ? fresh[j] : fresh[j].clone();
                }
            }
        }
        return out;
    }

    public EmbeddingCache cache() {
        return cache;
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public ModelVariant variant() {
        return delegate.variant();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
