package org.oscnet.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.oscnet.io.Provenance;
import org.oscnet.model.Dataset;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.Network;
import org.oscnet.model.Training;
import org.oscnet.train.Trained;
import org.oscnet.train.TrainingListener;

/**
 * One network family, keyed by its keyword in .osc files: how it trains, what it writes when
 * trained ({@code trained.json} and plots), how it reads that back, and which hardware targets it
 * compiles to. {@link Families} registers one of these per family; {@link Pipeline} is the only
 * caller, so commands never see a family's concrete types.
 *
 * @param <N> the family's network model
 * @param <T> what its trainer returns
 */
public interface Family<N extends Network, T extends Trained> {
    /** The keyword after the colon in {@code network NAME : keyword}. */
    String keyword();

    Class<N> networkType();

    /**
     * Throws {@link BadInput} when {@code training} cannot train {@code network} (a method of
     * another family), before any work starts.
     */
    void requireTrainable(N network, Training training);

    /**
     * Trains on at most {@code threads} threads (see {@link org.oscnet.sim.Threads}); the result
     * never depends on how many.
     */
    T train(N network, Dataset dataset, Training training, TrainingListener listener, int threads);

    /**
     * What training leaves on disk, relative to the network's folder: {@code trained.json} first,
     * then plots.
     */
    Map<String, byte[]> trainedFiles(N network, Dataset dataset, Training training, T trained, Provenance provenance,
            int threads);

    /** One line for the terminal after training. */
    String summary(N network, Dataset dataset, Training training, T trained);

    /** Reads {@code trained.json} back; {@link BadInput} when it belongs to another network or schema. */
    T readTrained(Path file, N network) throws IOException;

    /** The targets of {@link Pipeline#TARGETS} this family compiles to. */
    Set<String> targets();

    /**
     * Compiles {@code wanted} targets of one hardware block: files relative to the network's
     * folder, and one summary line per target.
     */
    Compiled compile(N network, Dataset dataset, T trained, HardwareTarget target, Set<String> wanted,
            CompileOptions options);

    /**
     * What {@code target}'s blocks of {@link #measuredTargets} would compute for {@code trained},
     * measured on at most {@code threads} threads without emitting anything (a sweep's per-task
     * hardware figures); empty when the block has none of them.
     */
    default java.util.Optional<HardwareMetrics> measureHardware(N network, Dataset dataset, T trained,
            HardwareTarget target, int threads) {
        return java.util.Optional.empty();
    }

    /** The targets of a hardware block {@link #measureHardware} measures (so a sweep may vary their settings). */
    default Set<String> measuredTargets(N network) {
        return Set.of();
    }

    /** Files relative to the network's folder, and what to print about them. */
    record Compiled(Map<String, byte[]> files, java.util.List<String> summaries) {
        public Compiled {
            files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
            summaries = java.util.List.copyOf(summaries);
        }
    }
}
