package org.oscnet.sweep;

/**
 * One task of a sweep together with the file whose variant it trains, and whether the task's
 * trained files come back with its result: what an engine ships to a worker and runs there.
 * Serializable, and nothing in it depends on where it runs.
 */
public record SweepJob(Variants variants, SweepPlan.Task task, boolean keep) implements java.io.Serializable {

    /** Jobs of a one-file sweep: every task trains a variant of {@code variants}. */
    public static java.util.List<SweepJob> of(Variants variants, java.util.List<SweepPlan.Task> tasks, boolean keep) {
        return tasks.stream().map(t -> new SweepJob(variants, t, keep)).toList();
    }

    /**
     * Trains the task's variant on at most {@code threads} threads (the engine's share of cores per
     * task); a failure is a result, not an exception.
     */
    public TaskOutput run(int threads) {
        return variants.run(task, keep, threads);
    }

    /** A failed result for this job when the engine, not the task, failed (a lost executor, say). */
    public TaskOutput failedBy(String where, String why) {
        return TaskOutput.of(new TaskResult(task.id(), task.parameters(), TaskResult.FAILED, java.util.Map.of(), 0,
                where, null, why));
    }
}
