package org.oscnet.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The default engine: a pool of {@code jobs} threads in this process, the cores shared evenly
 * among the tasks running at once (one job: each task spreads over every core; as many jobs as
 * cores: each task on one). More jobs help when tasks are small.
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
        int threadsPerTask = Math.max(1, org.oscnet.sim.Threads.allCores() / jobs);
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread thread = new Thread(r, "oscnet-sweep");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (SweepJob job : work) {
                running.add(pool.submit(() -> {
                    sink.finished(job.run(threadsPerTask));
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
