package io.ledgerline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code concurrency} clients each send one request after the other for a time (after a warm-up
 * that is not counted). A request says how many items the server took, or that it failed.
 */
final class ClosedLoop {

    /** One request of one client; built fresh per request (client number given). */
    interface Request {
        /** Items the server accepted, or {@link #FAILED}. */
        long send(int client) throws Exception;
    }

    static final long FAILED = -1;

    record Result(long items, long failedRequests, double seconds, Percentiles latencyMs) {
        double itemsPerSecond() {
            return items / seconds;
        }
    }

    private ClosedLoop() {
    }

    static Result run(int concurrency, int warmupSeconds, int seconds, Request request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            drive(clients, concurrency, warmupSeconds, request);
            return drive(clients, concurrency, seconds, request);
        } finally {
            clients.shutdownNow();
        }
    }

    private static Result drive(ExecutorService clients, int concurrency, int seconds, Request request)
            throws Exception {
        AtomicLong items = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<List<Double>>> runs = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            runs.add(clients.submit(() -> {
                List<Double> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    long accepted = request.send(client);
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    if (accepted == FAILED) {
                        failed.incrementAndGet();
                    } else {
                        items.addAndGet(accepted);
                    }
                }
                return latencies;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> run : runs) {
            all.addAll(run.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(items.get(), failed.get(), elapsed,
                new Percentiles(all.stream().mapToDouble(Double::doubleValue).toArray()));
    }
}
