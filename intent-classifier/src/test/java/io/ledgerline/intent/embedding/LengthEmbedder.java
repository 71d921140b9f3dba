package io.ledgerline.intent.embedding;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the model in tests of what surrounds it (cache, batching): the "vector" of a text is its length,
 * every call is recorded, and with {@link #gated()} the first call waits for {@link #release} (to let work queue up).
 */
public final class LengthEmbedder implements TextEmbedder {
    public final List<List<String>> calls = new CopyOnWriteArrayList<>();
    public final CountDownLatch entered = new CountDownLatch(1);
    public final CountDownLatch release;
    public volatile boolean closed;

    private LengthEmbedder(int gates) {
        this.release = new CountDownLatch(gates);
    }

    public static LengthEmbedder open() {
        return new LengthEmbedder(0);
    }

    public static LengthEmbedder gated() {
        return new LengthEmbedder(1);
    }

    @Override
    public float[] embed(String text) {
        return embed(List.of(text))[0];
    }

    @Override
    public float[][] embed(List<String> texts) {
        calls.add(List.copyOf(texts));
        entered.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = new float[] {texts.get(i).length()};
        }
        return out;
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public ModelVariant variant() {
        return ModelVariant.FP32;
    }

    @Override
    public void close() {
        closed = true;
    }
}
