package io.ledgerline.intent.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One embedder shared by several threads gives each caller the same vectors as sequential calls. */
class SentenceEmbedderConcurrencyTest {

    @Test
    void concurrentCallersGetTheSequentialVectors() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add("Request number " + i + ": " + "please translate this sentence into French. ".repeat(1 + i % 5));
        }
        try (SentenceEmbedder embedder = new SentenceEmbedder(ModelVariant.FP32)) {
            List<float[]> sequential = new ArrayList<>();
            for (String t : texts) {
                sequential.add(embedder.embed(t));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[]>> futures = new ArrayList<>();
                for (String t : texts) {
                    futures.add(pool.submit(() -> embedder.embed(t)));
                }
                for (int i = 0; i < texts.size(); i++) {
                    assertArrayEquals(sequential.get(i), futures.get(i).get(), 1e-6f, "text " + i);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
