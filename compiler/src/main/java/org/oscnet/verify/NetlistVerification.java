package org.oscnet.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oscnet.device.DeviceSpread;
import org.oscnet.emit.Templates;
import org.oscnet.io.OutputFolder;
import org.oscnet.io.RecurrentSpiceJson;
import org.oscnet.io.SpiceJson;
import org.oscnet.io.StuartLandauSpiceJson;
import org.oscnet.pipeline.BadInput;
import org.oscnet.plot.HardwarePlots;

/**
 * The SPICE flow of {@code verify}, one method per family's netlists: ngspice against the
 * simulator (and for kuramoto networks the Monte-Carlo study of device spread), into
 * {@code report.md} and {@code report.json}.
 */
record NetlistVerification(Path dir, Verification.Options options, PrintWriter out, String version) {
    /** The netlists of a stno_rnn network against the simulator; report.md and report.json. */
    Verification.Outcome recurrent() throws IOException {
        RecurrentSpiceJson m = RecurrentSpiceJson.read(dir.resolve("spice.json"));
        int samples = Verification.spiceSamples(options, m.netlists().size());
        out.printf(Locale.ROOT, "running ngspice on %d of %d test sequences (%d at a time) ...%n", samples,
                m.netlists().size(), options.jobs());
        out.flush();
        RecurrentSpiceCheck.Outcome outcome = RecurrentSpiceCheck.run(dir, m, samples, options.jobs(),
                c -> Verification.report(out, c));
        boolean allPassed = outcome.checks().stream().allMatch(Check::passed);
        Map<String, Object> model = spiceReportModel(m.network(), allPassed);
        model.put("referenceSubsteps", m.referenceSubsteps());
        model.put("tolerance", String.format(Locale.ROOT, "%.0e", m.tolerance()));
        model.put("checks", Verification.checkRows(outcome.checks()));
        model.put("samples", outcome.samples().stream().filter(x -> x.probabilities() != null).map(x -> {
            int index = m.rows().indexOf(x.row());
            return Map.of("row", x.row(), "label", m.classNames().get(x.label()),
                    "spice", m.classNames().get(argmax(x.probabilities())),
                    "reference", m.classNames().get(argmax(m.referenceProbabilities()[index])),
                    "trained", m.classNames().get(argmax(m.trainedProbabilities()[index])),
                    "difference", String.format(Locale.ROOT, "%.1e", maxDifference(x.probabilities(),
                            m.referenceProbabilities()[index])));
        }).toList());
        writeSpiceReport("oscnet.verify-spice-stno_rnn/1", m.network(), outcome.checks(), "report/spice_rnn.md.ftl",
                model);
        return new Verification.Outcome(dir, outcome.checks());
    }

    /** The netlists of a stuart_landau network against the simulator; report.md and report.json. */
    Verification.Outcome stuartLandau() throws IOException {
        StuartLandauSpiceJson m = StuartLandauSpiceJson.read(dir.resolve("spice.json"));
        int samples = Verification.spiceSamples(options, m.netlists().size());
        out.printf(Locale.ROOT, "running ngspice on %d of %d test rows (%d at a time) ...%n", samples,
                m.netlists().size(), options.jobs());
        out.flush();
        StuartLandauSpiceCheck.Outcome outcome = StuartLandauSpiceCheck.run(dir, m, samples, options.jobs(),
                c -> Verification.report(out, c));
        boolean allPassed = outcome.checks().stream().allMatch(Check::passed);
        Map<String, Object> model = spiceReportModel(m.network(), allPassed);
        model.put("maxStep", String.valueOf(org.oscnet.emit.StuartLandauSpiceEmitter.MAX_STEP));
        model.put("duration", String.valueOf(m.duration()));
        model.put("reference", m.reference());
        model.put("phaseTolerance", String.format(Locale.ROOT, "%.0e", m.phaseTolerance()));
        model.put("amplitudeTolerance", String.format(Locale.ROOT, "%.0e", m.amplitudeTolerance()));
        model.put("checks", Verification.checkRows(outcome.checks()));
        model.put("samples", outcome.samples().stream().filter(x -> x.state() != null).map(x -> {
            int index = m.rows().indexOf(x.row());
            double[] ref = m.referenceStates()[index];
            double worst = 0;
            for (int f = 0; f < m.free(); f++) {
                worst = Math.max(worst, Math.abs(Math.IEEEremainder(Math.atan2(x.state()[m.free() + f], x.state()[f])
                        - Math.atan2(ref[m.free() + f], ref[f]), 2 * Math.PI)));
            }
            return Map.of("row", x.row(), "label", m.classNames().get(x.label()),
                    "spice", m.classNames().get(m.prediction(x.state())),
                    "reference", m.classNames().get(m.referenceClasses()[index]),
                    "difference", String.format(Locale.ROOT, "%.1e", worst));
        }).toList());
        writeSpiceReport("oscnet.verify-spice-stuart_landau/1", m.network(), outcome.checks(),
                "report/spice_sl.md.ftl", model);
        return new Verification.Outcome(dir, outcome.checks());
    }

    /** Writes report.md (from {@code template}) and report.json (the checks) of a family's netlists. */
    private void writeSpiceReport(String schema, String network, List<Check> checks, String template,
            Map<String, Object> model) throws IOException {
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("schema", schema);
        json.put("network", network);
        json.put("passed", checks.stream().allMatch(Check::passed));
        Verification.putChecks(json, checks);
        OutputFolder folder = new OutputFolder(dir);
        folder.put("report.md", Templates.render(template, model));
        folder.put("report.json", new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json) + "\n");
        folder.commit();
    }

    /** What every SPICE report starts with: the network, this oscnet, the folder and ngspice's version. */
    private Map<String, Object> spiceReportModel(String network, boolean allPassed) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", network);
        model.put("version", version);
        model.put("folder", dir.toString());
        model.put("ngspice", ngspiceVersion());
        model.put("allPassed", allPassed);
        return model;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            best = values[c] > values[best] ? c : best;
        }
        return best;
    }

    private static double maxDifference(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    /**
     * The manifest cut to its first {@code n} test samples, its classifier netlists cut the same way
     * into {@code build/} (the tuning and pair netlists hold no test samples and stay as they are).
     */
    private SpiceJson.Manifest firstSamples(SpiceJson.Manifest m, int n) throws IOException {
        return m.firstSamples(n, cut(m.phaseNetlist(), n), m.stnoNetlist() == null ? null : cut(m.stnoNetlist(), n));
    }

    /** Writes {@code netlist} cut to {@code n} samples into {@code build/}; its name relative to the folder. */
    private String cut(String netlist, int n) throws IOException {
        String name = "build/" + SampleNetlists.name(netlist, n);
        Files.createDirectories(dir.resolve("build"));
        Files.writeString(dir.resolve(name), SampleNetlists.firstSamples(read(netlist), n));
        return name;
    }

    private String read(String netlist) throws IOException {
        try {
            return Files.readString(dir.resolve(netlist));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInput(dir.resolve(netlist) + " is missing: spice.json names it; compile again");
        }
    }

    /** The netlists of a kuramoto network against the simulator, and the Monte-Carlo study; report.md and report.json. */
    Verification.Outcome kuramoto() throws IOException {
        int monteCarloTrials = options.monteCarloTrials();
        SpiceJson.Manifest m;
        try {
            m = SpiceJson.read(dir.resolve("spice.json"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInput(dir.resolve("spice.json") + " is not a valid spice.json: " + e.getOriginalMessage());
        }
        int samples = Verification.spiceSamples(options, m.samples());
        if (samples < m.samples()) {
            m = firstSamples(m, samples);
        }
        out.printf(Locale.ROOT, "running ngspice on %d test samples (%s%s) and %d Monte-Carlo trials per spread ...%n",
                m.samples(), m.phaseNetlist(), m.stnoNetlist() == null ? "" : ", " + m.stnoNetlist() + ", "
                        + m.tuningNetlist() + ", " + m.pairNetlist(), monteCarloTrials);
        out.flush();
        int parallel = options.jobs();
        SpiceVerification.Outcome outcome = SpiceVerification.run(dir, m, monteCarloTrials, parallel,
                check -> Verification.report(out, check));
        boolean allPassed = outcome.checks().stream().allMatch(Check::passed);

        Map<String, Object> model = spiceReportModel(m.network(), allPassed);
        model.put("samples", m.samples());
        model.put("phaseSeed", m.phaseSeed());
        model.put("checks", Verification.checkRows(outcome.checks()));
        model.put("accuracies", outcome.accuracies().entrySet().stream().map(e -> Map.of("key", e.getKey(), "value",
                String.format(Locale.ROOT, "%.1f", 100 * e.getValue()))).toList());
        model.put("trials", monteCarloTrials);
        model.put("monteCarloSeed", SpiceVerification.MONTE_CARLO_SEED);
        model.put("dacBits", m.dacBits());
        model.put("monteCarlo", outcome.monteCarlo().stream().map(r -> Map.of(
                "spread", percent(r.spread()), "uncalibratedMean", percent(r.uncalibratedMean()),
                "uncalibratedWorst", percent(r.uncalibratedWorst()), "calibratedMean", percent(r.calibratedMean()),
                "calibratedWorst", percent(r.calibratedWorst()))).toList());

        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("schema", "oscnet.verify-spice/1");
        json.put("network", m.network());
        json.put("passed", allPassed);
        Verification.putChecks(json, outcome.checks());
        ObjectNode accuracies = json.putObject("test_accuracy");
        outcome.accuracies().forEach(accuracies::put);
        var mc = json.putArray("monte_carlo");
        outcome.monteCarlo().forEach(r -> mc.addObject().put("spread", r.spread())
                .put("uncalibrated_mean", r.uncalibratedMean()).put("uncalibrated_worst", r.uncalibratedWorst())
                .put("calibrated_mean", r.calibratedMean()).put("calibrated_worst", r.calibratedWorst())
                .put("trials", r.trials()));

        OutputFolder folder = new OutputFolder(dir);
        folder.put("report.md", Templates.render("report/spice.md.ftl", model));
        folder.put("report.json", new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json) + "\n");
        if (!outcome.monteCarlo().isEmpty()) {
            folder.put("device_spread.png", HardwarePlots.deviceSpread(m.network(),
                    outcome.monteCarlo().stream().mapToDouble(DeviceSpread.Row::spread).toArray(),
                    outcome.monteCarlo().stream().mapToDouble(DeviceSpread.Row::uncalibratedMean).toArray(),
                    outcome.monteCarlo().stream().mapToDouble(DeviceSpread.Row::calibratedMean).toArray(),
                    outcome.accuracies().get("simulator, DAC codes")));
        }
        folder.commit();
        return new Verification.Outcome(dir, outcome.checks());
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }

    private static String ngspiceVersion() {
        try {
            var run = ExternalRun.run(Path.of("."), 30, List.of("ngspice", "--version"));
            return run.output().lines().filter(l -> l.contains("ngspice-")).findFirst()
                    .map(l -> l.replaceAll("[*]", "").strip()).orElse("ngspice");
        } catch (IOException e) {
            return "ngspice";
        }
    }

}
