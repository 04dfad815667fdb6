package org.oscnet.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Loops over independent items (examples, samples) on a stated number of threads: the caller's
 * thread and {@code threads − 1} helpers. A sweep runs several tasks in one process (Spark runs
 * one per executor core), so each task says how many cores it may use instead of every loop
 * taking the whole machine; parallel streams would all share the JVM's one common pool.
 */
public final class Threads {
    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "oscnet-loop");
        thread.setDaemon(true);
        return thread;
    });

    private Threads() {
    }

    /** Every core of this machine (or of this JVM's {@code -XX:ActiveProcessorCount}). */
    public static int allCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Calls {@code body} once for every index in {@code [0, count)}, spread over at most
     * {@code threads} threads (one: in order, on the caller's thread), and returns when all are
     * done. The first failure is rethrown after the others stop taking new indices.
     */
    public static void forEach(int threads, int count, IntConsumer body) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        int helpers = Math.min(threads, count) - 1;
        if (helpers <= 0) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            try {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    body.accept(i);
                }
            } catch (RuntimeException | Error e) {
                next.set(count);
                throw e;
            }
        };
        List<Future<?>> running = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            running.add(HELPERS.submit(worker));
        }
        Throwable failure = null;
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next.set(count);
                failure = failure == null ? new IllegalStateException("interrupted", e) : failure;
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
