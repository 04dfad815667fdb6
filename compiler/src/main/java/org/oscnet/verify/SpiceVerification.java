package org.oscnet.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.oscnet.device.DeviceSpread;
import org.oscnet.io.SpiceJson;

/**
 * Runs every ngspice netlist of a compiled spintronic network (in parallel, one ngspice per
 * job), checks each against oscnet's models ({@link SpiceChecks}) and runs the Monte-Carlo
 * device-spread study ({@link DeviceSpread}).
 */
public final class SpiceVerification {
    /** Seed of the Monte-Carlo device draws. */
    public static final long MONTE_CARLO_SEED = 20261124L;

    private SpiceVerification() {
    }

    /** Checks in order, test accuracies by name (fractions), and the Monte-Carlo rows. */
    public record Outcome(List<Check> checks, Map<String, Double> accuracies, List<DeviceSpread.Row> monteCarlo) {
    }

    public static Outcome run(Path dir, SpiceJson.Manifest m, int monteCarloTrials, int jobs, Consumer<Check> report)
            throws IOException {
        SpiceChecks checks = new SpiceChecks(m);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            Future<Ngspice.Result> level1 = pool.submit(() -> Ngspice.run(dir, m.phaseNetlist(), "oscnet_sample"));
            Future<Ngspice.Result> level2 = m.stnoNetlist() == null ? null
                    : pool.submit(() -> Ngspice.run(dir, m.stnoNetlist(), "oscnet_sample"));
            Future<Ngspice.Result> tuning = m.tuningNetlist() == null ? null
                    : pool.submit(() -> Ngspice.run(dir, m.tuningNetlist(), "oscnet_tuning"));
            Future<Ngspice.Result> pair = m.pairNetlist() == null ? null
                    : pool.submit(() -> Ngspice.run(dir, m.pairNetlist(), "oscnet_pair"));

            SpiceChecks.Reference reference = checks.reference(m.realisedHz());
            double[] simulated = reference.meanHz();
            double[] trained = checks.simulate(m.targetHz());
            Map<String, Double> accuracies = new LinkedHashMap<>();
            accuracies.put("simulator, trained frequencies", checks.readout().accuracy(trained, m.labels()));
            accuracies.put("simulator, DAC codes", checks.readout().accuracy(simulated, m.labels()));

            List<Check> done = new ArrayList<>();
            Ngspice.Result first = get(level1);
            done.add(emit(report, checks.level1(first, reference)));
            accuracies.put("ngspice level 1 (phase macromodel)", first.problem(m.samples(), m.oscillators() + 1) == null
                    ? checks.readout().accuracy(absolute(m, first), m.labels()) : Double.NaN);
            if (tuning != null) {
                done.add(emit(report, checks.tuning(get(tuning))));
            }
            if (pair != null) {
                done.add(emit(report, checks.pair(get(pair))));
            }
            List<DeviceSpread.Row> rows = monteCarloTrials > 0
                    ? DeviceSpread.run(m.device(), m.oscillators(), new DeviceSpread.Dac(m.dacBits(),
                            m.dacFullScaleAmps()), m.targetHz(), m.codes(),
                            hz -> checks.readout().accuracy(checks.simulate(hz), m.labels()),
                            DeviceSpread.spreads(m.deviceSpread()), monteCarloTrials, MONTE_CARLO_SEED)
                    : List.of();
            if (level2 != null) {
                Ngspice.Result second = get(level2);
                done.add(emit(report, checks.level2(second, simulated)));
                accuracies.put("ngspice level 2 (auto-oscillators)", second.problem(m.samples(), m.oscillators() + 1)
                        == null ? checks.readout().accuracy(absolute(m, second), m.labels()) : Double.NaN);
            }
            return new Outcome(done, accuracies, rows);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Check emit(Consumer<Check> report, Check check) {
        report.accept(check);
        return check;
    }

    static double[] absolute(SpiceJson.Manifest m, Ngspice.Result run) {
        int n = m.oscillators();
        double[] hz = new double[m.samples() * n];
        for (double[] row : run.rows()) {
            int r = (int) row[0];
            for (int i = 0; i < n; i++) {
                hz[r * n + i] = m.centreHz() + row[1 + i];
            }
        }
        return hz;
    }

    private static Ngspice.Result get(Future<Ngspice.Result> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for ngspice", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
