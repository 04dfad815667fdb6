package org.oscnet.train;

/** Told about each training iteration, e.g. to draw a progress bar. */
public interface TrainingListener {
    /**
     * @param restart 0-based restart
     * @param iteration 1-based iteration within the restart
     */
    void iteration(int restart, int restarts, int iteration, int iterations, double loss, double accuracy);

    /** A one-line remark about what training chose, e.g. its starting point. */
    default void note(String message) {
    }

    TrainingListener SILENT = (restart, restarts, iteration, iterations, loss, accuracy) -> {
    };
}
