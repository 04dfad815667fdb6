package org.oscnet.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The default engine: a pool of {@code jobs} threads in this process. Each trainer already
 * spreads one task over the cores, so one job at a time is the default; more jobs help when
 * tasks are small.
 */
public final class LocalEngine implements SweepEngine {
    private final int jobs;

    public LocalEngine(int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1");
        }
        this.jobs = jobs;
    }

    @Override
    public void run(List<SweepJob> work, Sink sink) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread thread = new Thread(r, "oscnet-sweep");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (SweepJob job : work) {
                running.add(pool.submit(() -> {
                    sink.finished(job.run());
                    return null;
                }));
            }
            for (Future<Void> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
