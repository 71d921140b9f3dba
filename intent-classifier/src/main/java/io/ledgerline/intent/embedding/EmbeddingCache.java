package io.ledgerline.intent.embedding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bounded least-recently-used cache of embeddings, keyed by the SHA-256 of the text (so the texts themselves are not
 * kept in memory). Stored and returned vectors are copies. Thread-safe (one lock; the work under it is tiny).
 */
public final class EmbeddingCache {

    private final int capacity;
    private final LinkedHashMap<Key, float[]> entries;
    private long hits;
    private long misses;

    public EmbeddingCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, float[]> eldest) {
                return size() > EmbeddingCache.this.capacity;
            }
        };
    }

    public Optional<float[]> get(String text) {
        Key key = Key.of(text);
        synchronized (this) {
            float[] v = entries.get(key);
            if (v == null) {
                misses++;
                return Optional.empty();
            }
            hits++;
            return Optional.of(v.clone());
        }
    }

    public void put(String text, float[] embedding) {
        Key key = Key.of(text);
        float[] copy = embedding.clone();
        synchronized (this) {
            entries.put(key, copy);
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    /** SHA-256 of the UTF-8 text, compared by content. */
    private record Key(byte[] digest) {
        static Key of(String text) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                return new Key(sha.digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(digest, k.digest);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest);
        }
    }
}
