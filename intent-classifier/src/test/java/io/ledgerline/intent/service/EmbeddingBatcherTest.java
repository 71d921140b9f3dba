package io.ledgerline.intent.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerline.intent.embedding.LengthEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The batching and back-pressure rules, with a stand-in embedder whose "vector" is the text's length. */
class EmbeddingBatcherTest {

    @Test
    void whatQueuesWhileTheModelIsBusyGoesInOneCallAndEachTextGetsItsOwnVector() throws Exception {
        LengthEmbedder model = LengthEmbedder.gated();
        try (EmbeddingBatcher batcher = new EmbeddingBatcher(model, 1, 32, 100)) {
            CompletableFuture<float[]> first = batcher.submit("first");
            assertTrue(model.entered.await(5, TimeUnit.SECONDS));
            List<CompletableFuture<float[]>> queued = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                queued.add(batcher.submit("x".repeat(10 + i)));
            }
            model.release.countDown();
            assertArrayEquals(new float[] {5}, first.get(5, TimeUnit.SECONDS));
            for (int i = 0; i < 10; i++) {
                assertArrayEquals(new float[] {10 + i}, queued.get(i).get(5, TimeUnit.SECONDS));
            }
            assertEquals(2, model.calls.size(), "one call for the lone first text, one for the ten queued: " + model.calls);
            assertEquals(10, model.calls.get(1).size());
            assertEquals(5.5, batcher.meanBatchSize());
        }
        assertTrue(model.closed);
    }

    @Test
    void aFullQueueRefusesWorkInsteadOfGrowing() throws Exception {
        LengthEmbedder model = LengthEmbedder.gated();
        try (EmbeddingBatcher batcher = new EmbeddingBatcher(model, 1, 32, 2)) {
            CompletableFuture<float[]> busy = batcher.submit("busy");
            assertTrue(model.entered.await(5, TimeUnit.SECONDS));
            CompletableFuture<float[]> a = batcher.submit("a");
            CompletableFuture<float[]> b = batcher.submit("b");
            CompletableFuture<float[]> refused = batcher.submit("c");
            ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(1, TimeUnit.SECONDS));
            assertInstanceOf(EmbeddingBatcher.Overloaded.class, e.getCause());
            model.release.countDown();
            // what was accepted is still embedded
            assertArrayEquals(new float[] {4}, busy.get(5, TimeUnit.SECONDS));
            assertArrayEquals(new float[] {1}, a.get(5, TimeUnit.SECONDS));
            assertArrayEquals(new float[] {1}, b.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void closingFinishesWhatWasQueued() throws Exception {
        LengthEmbedder model = LengthEmbedder.gated();
        EmbeddingBatcher batcher = new EmbeddingBatcher(model, 1, 32, 10);
        batcher.submit("busy");
        assertTrue(model.entered.await(5, TimeUnit.SECONDS));
        CompletableFuture<float[]> queued = batcher.submit("queued");
        model.release.countDown();
        batcher.close();
        assertArrayEquals(new float[] {6}, queued.get(1, TimeUnit.SECONDS));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> batcher.submit("late").get(1, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("shutting down"));
    }

    @Test
    void textsOfVeryDifferentLengthsGoInSeparateCalls() {
        // 2 × 5 + 40 = 50: 6, 7 and 12 join the call of 5; 300 starts a new one, which 310 joins (≤ 2 × 300 + 40)
        List<List<Integer>> groups = LengthGroups.of(List.of(5, 300, 7, 12, 310, 6), Integer::intValue, 32);
        assertEquals(List.of(List.of(5, 6, 7, 12), List.of(300, 310)), groups);
        assertEquals(List.of(List.of(8, 8), List.of(8, 8), List.of(8)),
                LengthGroups.of(List.of(8, 8, 8, 8, 8), Integer::intValue, 2));
        assertEquals(List.of(), LengthGroups.of(List.<Integer>of(), Integer::intValue, 2));
    }
}
