package org.oscnet.sweep;

import java.io.IOException;
import java.util.List;

/**
 * Runs a sweep's tasks somewhere and hands each result back as it finishes, on any thread; the
 * caller appends it to {@code results.jsonl}. Seeds live in the tasks, so the engine cannot
 * change what a task computes.
 */
public interface SweepEngine {
    /** Receives finished tasks; may be called from several threads at once. */
    interface Sink {
        void finished(TaskOutput output) throws IOException;
    }

    /** Runs every job (each a task and the file it trains a variant of), handing results to {@code sink}. */
    void run(List<SweepJob> jobs, Sink sink) throws IOException, InterruptedException;

    /**
     * An engine found with {@link java.util.ServiceLoader} (the Spark module registers one), so the
     * main jar does not carry the engines that need a cluster library.
     */
    interface Provider {
        /** The word after {@code --engine}. */
        String name();

        /** An engine for {@code master} (its cluster URL; null when not given). */
        SweepEngine create(String master);
    }

    /** {@code local} (a pool of {@code jobs} threads) or a registered provider's engine; empty when unknown. */
    static java.util.Optional<SweepEngine> named(String name, String master, int jobs) {
        if (name.equals("local")) {
            return java.util.Optional.of(new LocalEngine(jobs));
        }
        for (Provider provider : java.util.ServiceLoader.load(Provider.class)) {
            if (provider.name().equals(name)) {
                return java.util.Optional.of(provider.create(master));
            }
        }
        return java.util.Optional.empty();
    }
}
