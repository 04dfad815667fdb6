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
        void finished(TaskResult result) throws IOException;
    }

    void run(Variants variants, List<SweepPlan.Task> tasks, Sink sink) throws IOException, InterruptedException;
}
