package io.ledgerline.intent.train;

import io.ledgerline.intent.embedding.TextEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Embeds many texts in batches of similar length (less padding, so faster), returning rows in the input order.
 * The grouping is deterministic, so the trainer and the tests get the same vectors for the same list.
 */
public final class BatchedEmbedding {

    public static final int DEFAULT_BATCH = 32;

    private BatchedEmbedding() {
    }

    public static float[][] embedAll(TextEmbedder embedder, List<String> texts, int batchSize) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> texts.get(i).length()).thenComparingInt(i -> i));
        float[][] out = new float[texts.size()][];
        for (int start = 0; start < order.size(); start += batchSize) {
            List<Integer> chunk = order.subList(start, Math.min(order.size(), start + batchSize));
            float[][] vectors = embedder.embed(chunk.stream().map(texts::get).toList());
            for (int j = 0; j < chunk.size(); j++) {
                out[chunk.get(j)] = vectors[j];
            }
        }
        return out;
    }
}
