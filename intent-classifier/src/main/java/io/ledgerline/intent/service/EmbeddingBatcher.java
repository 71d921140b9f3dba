package io.ledgerline.intent.service;

import io.ledgerline.intent.embedding.TextEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * Runs the embedding model off the event loop, in micro-batches: texts wait in a bounded queue; each worker takes
 * whatever is queued (up to {@code maxBatch}) and embeds it in as few model calls as lengths allow
 * ({@link LengthGroups}). Under load batches fill up by themselves; an idle service embeds a lone text at once, with
 * no waiting for company. A full queue refuses new work
 * ({@link Overloaded}) instead of growing; {@link #close()} stops taking work and finishes what was queued.
 */
public final class EmbeddingBatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddingBatcher.class);

    private record Job(String text, CompletableFuture<float[]> result) {
    }

    /** The queue is full: try again later. */
    public static final class Overloaded extends RuntimeException {
        Overloaded(int capacity) {
            super("the embedding queue is full (" + capacity + " texts waiting); try again shortly");
        }
    }

    private final TextEmbedder embedder;
    private final int maxBatch;
    private final int capacity;
    private final BlockingQueue<Job> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder batches = new LongAdder();
    private final LongAdder texts = new LongAdder();

    public EmbeddingBatcher(TextEmbedder embedder, int workers, int maxBatch, int capacity) {
        if (workers < 1 || maxBatch < 1 || capacity < 1) {
            throw new IllegalArgumentException("workers, maxBatch and capacity must be at least 1");
        }
        this.embedder = embedder;
        this.maxBatch = maxBatch;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(this::work, "intent-embedding-" + i);
            worker.setDaemon(true);
            worker.start();
            this.workers.add(worker);
        }
    }

    /** The embedding of {@code text}, completed on a worker thread; fails with {@link Overloaded} when full. */
    public CompletableFuture<float[]> submit(String text) {
        CompletableFuture<float[]> result = new CompletableFuture<>();
        if (closed.get()) {
            result.completeExceptionally(new IllegalStateException("the embedding service is shutting down"));
        } else if (!queue.offer(new Job(text == null ? "" : text, result))) {
            result.completeExceptionally(new Overloaded(capacity));
        }
        return result;
    }

    public int queued() {
        return queue.size();
    }

    /** Mean texts per model call so far (1 when idle traffic, up to {@code maxBatch} under load). */
    public double meanBatchSize() {
        long b = batches.sum();
        return b == 0 ? 0 : (double) texts.sum() / b;
    }

    private void work() {
        List<Job> batch = new ArrayList<>(maxBatch);
        while (true) {
            batch.clear();
            try {
                Job first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closed.get()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            run(batch);
        }
    }

    private void run(List<Job> queued) {
        for (List<Job> batch : LengthGroups.of(queued, job -> job.text().length(), maxBatch)) {
            try {
                float[][] vectors = embedder.embed(batch.stream().map(Job::text).toList());
                batches.increment();
                texts.add(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(vectors[i]);
                }
            } catch (RuntimeException e) {
                LOG.warnf("embedding a batch of %d texts failed: %s", batch.size(), e.getMessage());
                batch.forEach(job -> job.result().completeExceptionally(e));
            }
        }
    }

    /** Stops taking work, lets the workers finish what is queued (up to 30 s), then closes the model. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Job left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("the embedding service shut down"));
        }
        embedder.close();
    }
}
