package io.ledgerline.intent.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reference similarities of all-MiniLM-L6-v2 (sentence-transformers, fp32): 0.8939 and -0.0327, as published for
 * this model and seen with the Python reference implementation.
 */
class SentenceEmbedderKnownAnswerTest {

    private static SentenceEmbedder fp32;
    private static SentenceEmbedder int8;

    @BeforeAll
    static void load() {
        fp32 = new SentenceEmbedder(ModelVariant.FP32);
        int8 = new SentenceEmbedder(ModelVariant.INT8);
    }

    @AfterAll
    static void close() {
        fp32.close();
        int8.close();
    }

    @Test
    void fp32MatchesReferenceSimilarities() {
        float[][] v = fp32.embed(List.of("The new movie is awesome", "The new movie is so great",
                "A man is playing guitar", "A woman watches TV"));
        assertEquals(0.8939, MeanPooling.cosine(v[0], v[1]), 1e-3);
        assertEquals(-0.0327, MeanPooling.cosine(v[2], v[3]), 1e-3);
    }

    @Test
    void vectorsHave384UnitLengthDimensions() {
        float[] v = fp32.embed("hello world");
        assertEquals(384, v.length);
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertEquals(1.0, Math.sqrt(norm), 1e-5);
    }

    @Test
    void int8KeepsTheSameOrderWithinALooserTolerance() {
        float[][] v = int8.embed(List.of("The new movie is awesome", "The new movie is so great",
                "A man is playing guitar", "A woman watches TV"));
        double similar = MeanPooling.cosine(v[0], v[1]);
        double unrelated = MeanPooling.cosine(v[2], v[3]);
        assertEquals(0.8939, similar, 0.03);
        assertEquals(-0.0327, unrelated, 0.03);
        assertTrue(similar > unrelated + 0.5);
    }

    @Test
    void fp32BatchEqualsSingleEmbeddings() {
        List<String> texts = List.of("short", "A considerably longer sentence so that the others are padded in the batch.",
                "Write a Python function that reverses a list");
        float[][] batch = fp32.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] single = fp32.embed(texts.get(i));
            for (int d = 0; d < single.length; d++) {
                assertEquals(single[d], batch[i][d], 1e-5, "text " + i + " dim " + d);
            }
        }
    }
}
