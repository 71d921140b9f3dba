package io.ledgerline.intent.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingCacheTest {

    @Test
    void evictsTheLeastRecentlyUsedEntry() {
        EmbeddingCache cache = new EmbeddingCache(2);
        cache.put("a", new float[] {1});
        cache.put("b", new float[] {2});
        assertTrue(cache.get("a").isPresent()); // a is now more recent than b
        cache.put("c", new float[] {3});        // evicts b
        assertEquals(2, cache.size());
        assertTrue(cache.get("a").isPresent());
        assertTrue(cache.get("b").isEmpty());
        assertArrayEquals(new float[] {3}, cache.get("c").orElseThrow());
        assertEquals(3, cache.hits());
        assertEquals(1, cache.misses());
    }

    @Test
    void storesCopies() {
        EmbeddingCache cache = new EmbeddingCache(4);
        float[] v = {1, 2};
        cache.put("t", v);
        v[0] = 99;
        float[] got = cache.get("t").orElseThrow();
        got[1] = 99;
        assertArrayEquals(new float[] {1, 2}, cache.get("t").orElseThrow());
    }

    @Test
    void cachingEmbedderEmbedsOnlyTheMissesOnce() {
        LengthEmbedder counting = LengthEmbedder.open();
        CachingEmbedder caching = new CachingEmbedder(counting, 10);
        caching.embed("x");
        float[][] out = caching.embed(List.of("x", "y", "y", "z"));
        assertEquals(List.of(List.of("x"), List.of("y", "z")), counting.calls);
        assertArrayEquals(new float[] {1}, out[0]);       // "x".length()
        assertArrayEquals(out[1], out[2]);
        assertEquals(3, caching.cache().size());
    }
}
