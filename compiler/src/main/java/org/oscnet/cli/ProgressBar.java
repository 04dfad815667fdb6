package org.oscnet.cli;

import java.io.PrintWriter;
import org.oscnet.train.TrainingListener;

/** A one-line progress bar with loss, accuracy and ETA, drawn only on a terminal. */
final class ProgressBar implements TrainingListener {
    private static final int WIDTH = 24;
    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private final long start = System.nanoTime();

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
        this.enabled = System.console() != null && System.getenv("OSCNET_NO_PROGRESS") == null;
    }

    @Override
    public void iteration(int restart, int restarts, int iteration, int iterations, double loss, double accuracy) {
        if (!enabled) {
            return;
        }
        long done = (long) restart * iterations + iteration;
        long total = (long) restarts * iterations;
        double elapsed = (System.nanoTime() - start) / 1e9;
        long eta = Math.round(elapsed / done * (total - done));
        int filled = (int) (WIDTH * done / total);
        String restartText = restarts > 1 ? " restart " + (restart + 1) + "/" + restarts : "";
        err.printf("\r%s [%s%s] it %d/%d%s  loss %.4f  acc %5.1f%%  ETA %d:%02d ", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), iteration, iterations, restartText, loss, 100 * accuracy, eta / 60, eta % 60);
        if (done == total) {
            err.println();
        }
        err.flush();
    }

    @Override
    public void note(String message) {
        err.println(label + ": " + message);
        err.flush();
    }
}
