package org.oscnet.sweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.oscnet.sweep.SweepEngine;
import org.oscnet.sweep.SweepJob;
import org.oscnet.sweep.TaskOutput;

/**
 * Runs each sweep task as one Spark task: one single-partition job per task, all submitted at
 * once, so the cluster's scheduler spreads them over the executors and the driver hands each
 * result to the sink as soon as its job finishes (not when the whole sweep does). The task and
 * the file's text travel to the executor; the result comes back to the driver. A task trains on
 * the cores Spark gives it ({@code spark.task.cpus}, default 1).
 */
public final class SparkEngine implements SweepEngine {
    private static final long POLL_MILLIS = 100;

    private final String master;

    public SparkEngine(String master) {
        this.master = master;
    }

    @Override
    public void run(List<SweepJob> jobs, Sink sink) throws IOException, InterruptedException {
        if (jobs.isEmpty()) {
            return;
        }
        SparkConf conf = new SparkConf().setAppName("oscnet sweep").setIfMissing("spark.ui.enabled", "false");
        if (master != null) {
            conf.setMaster(master);
        }
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            Map<SweepJob, JavaFutureAction<List<TaskOutput>>> running = new LinkedHashMap<>();
            for (SweepJob job : jobs) {
                running.put(job, spark.parallelize(List.of(job), 1).map(SparkEngine::runHere).collectAsync());
            }
            while (!running.isEmpty()) {
                List<SweepJob> done = new ArrayList<>();
                for (Map.Entry<SweepJob, JavaFutureAction<List<TaskOutput>>> job : running.entrySet()) {
                    if (job.getValue().isDone()) {
                        sink.finished(result(job.getKey(), job.getValue()));
                        done.add(job.getKey());
                    }
                }
                done.forEach(running::remove);
                if (!running.isEmpty()) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        }
    }

    /**
     * Runs a job on the executor that received it, on as many threads as Spark gave the task
     * ({@code spark.task.cpus}, 1 unless set), so an executor with C cores runs C tasks side by
     * side without each spreading over every core.
     */
    private static TaskOutput runHere(SweepJob job) {
        return job.run(TaskContext.get().cpus());
    }

    /** The task's result; a job Spark itself failed (a lost executor, say) is a failed task, not a crash. */
    private static TaskOutput result(SweepJob job, JavaFutureAction<List<TaskOutput>> running)
            throws InterruptedException {
        try {
            return running.get().get(0);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return job.failedBy("spark", "spark: " + cause.getMessage());
        }
    }

    /** Registers {@code --engine spark} with the sweep command. */
    public static final class Provider implements SweepEngine.Provider {
        @Override
        public String name() {
            return "spark";
        }

        @Override
        public SweepEngine create(String master) {
            return new SparkEngine(master);
        }
    }
}
