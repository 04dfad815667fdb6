package org.oscnet.sweep;

/**
 * One task of a sweep together with the file whose variant it trains: what an engine ships to a
 * worker and runs there. Serializable, and nothing in it depends on where it runs.
 */
public record SweepJob(Variants variants, SweepPlan.Task task) implements java.io.Serializable {

    /** Jobs of a one-file sweep: every task trains a variant of {@code variants}. */
    public static java.util.List<SweepJob> of(Variants variants, java.util.List<SweepPlan.Task> tasks) {
        return tasks.stream().map(t -> new SweepJob(variants, t)).toList();
    }

    /** Trains the task's variant; a failure is a result, not an exception. */
    public TaskResult run() {
        return variants.run(task);
    }

    /** A failed result for this job when the engine, not the task, failed (a lost executor, say). */
    public TaskResult failedBy(String where, String why) {
        return new TaskResult(task.id(), task.parameters(), TaskResult.FAILED, java.util.Map.of(), 0, where, null,
                why);
    }
}
