package org.oscnet.dsl.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.Span;
import org.oscnet.dsl.diag.Suggestions;
import org.oscnet.model.Dataset;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Network;
import org.oscnet.model.Simulation;
import org.oscnet.model.StnoRnnNetwork;

/** Checks a {@code network} block of any family and builds its model record. */
final class NetworkChecker {
    static final List<String> FAMILIES = List.of("kuramoto", "stno_rnn", "xy", "stuart_landau");

    private static final Map<String, Set<String>> STATEMENTS = Map.of(
            "kuramoto", Set.of("oscillators", "coupling", "tuning", "input", "output", "simulate"),
            "stno_rnn", Set.of("layers", "density", "tau", "gain", "highpass", "neuron", "input", "output", "simulate"),
            "xy", Set.of("layers", "units", "connect", "input", "output", "dispersion", "simulate"),
            "stuart_landau", Set.of("layers", "units", "connect", "input", "output", "dispersion", "amplitude",
                    "simulate"));
    private static final int MAX_OSCILLATORS = 1 << 16;

    private final Diagnostics diagnostics;
    private final Map<String, Dataset> datasets;
    private final Set<String> declaredDatasets;

    NetworkChecker(Map<String, Dataset> datasets, Set<String> declaredDatasets, Diagnostics diagnostics) {
        this.datasets = datasets;
        this.declaredDatasets = declaredDatasets;
        this.diagnostics = diagnostics;
    }

    Optional<Network> check(Ast.NetworkDecl decl) {
        String family = decl.family().text();
        if (!FAMILIES.contains(family)) {
            diagnostics.error(decl.family().span(), Suggestions.withHint("unknown network family `" + family
                    + "`; oscnet knows " + String.join(", ", FAMILIES), family, FAMILIES));
            return Optional.empty();
        }
        String name = decl.name().text();
        List<Ast.Statement> repeatable = decl.statements().stream().filter(s -> s instanceof Ast.OutputStmt).toList();
        List<Ast.Statement> single = decl.statements().stream().filter(s -> !(s instanceof Ast.OutputStmt)).toList();
        Block block = new Block("network `" + name + "`", decl.name().span(), single, STATEMENTS.get(family),
                "does not apply to " + family + " networks", diagnostics);
        List<Ast.OutputStmt> outputs = repeatable.stream().map(Ast.OutputStmt.class::cast).toList();
        if (!outputs.isEmpty() && !STATEMENTS.get(family).contains("output")) {
            diagnostics.error(outputs.get(0).span(), "`output` does not apply to " + family + " networks");
        }
        long errorsBefore = diagnostics.errorCount();
        // Without its dataset a network is still checked for everything that does not depend on it.
        Optional<Ast.InputStmt> input = block.get("input", Ast.InputStmt.class);
        if (input.isEmpty()) {
            block.require("input", exampleInput(family));
        }
        Optional<Dataset> dataset = input.flatMap(
                i -> Names.resolve(i.dataset(), "dataset", datasets, declaredDatasets, diagnostics));
        if (outputs.isEmpty()) {
            diagnostics.error(decl.name().span(), "network `" + name + "` needs an `output`, e.g. `"
                    + exampleOutput(family) + "`");
        }
        Optional<? extends Network> network = switch (family) {
            case "kuramoto" -> kuramoto(name, block, input, outputs, dataset);
            case "stno_rnn" -> stnoRnn(name, block, input, outputs, dataset);
            default -> equilibrium(name, family, block, input, outputs, dataset);
        };
        boolean complete = input.isPresent() && dataset.isPresent() && !outputs.isEmpty();
        return complete && diagnostics.errorCount() == errorsBefore ? network.map(Network.class::cast) : Optional.empty();
    }

    // ---- kuramoto ----------------------------------------------------------------------------

    private Optional<KuramotoNetwork> kuramoto(String name, Block block, Optional<Ast.InputStmt> input,
            List<Ast.OutputStmt> outputs, Optional<Dataset> dataset) {
        boolean complete = block.require("oscillators", "oscillators 6;")
                & block.require("coupling", "coupling 10 MHz;")
                & block.require("tuning", "tuning 500 MHz .. 680 MHz;");
        int n = (int) block.count("oscillators", 0, 2, MAX_OSCILLATORS);
        double coupling = block.quantity("coupling", Dimension.FREQUENCY, Double.NaN, Values.positive());
        Optional<double[]> tuning = block.get("tuning", Ast.RangeSetting.class)
                .flatMap(t -> Ranges.of(t.value(), Dimension.FREQUENCY, "the tuning range", diagnostics))
                .filter(t -> Values.positive().check(t[0], "the tuning range", block.statement("tuning").get().span(),
                        diagnostics));
        Optional<KuramotoNetwork.KuramotoInput> mapping = input.flatMap(i -> kuramotoInput(i, n, dataset));
        List<KuramotoNetwork.OutputPair> pairs = pairs(outputs, n, dataset);
        Simulation simulation = simulation(block, "kuramoto", SimulationChecker.OSCILLATOR, Double.NaN);
        if (!complete || n == 0 || tuning.isEmpty() || mapping.isEmpty() || dataset.isEmpty() || Double.isNaN(coupling)) {
            return Optional.empty();
        }
        return Optional.of(new KuramotoNetwork(name, n, coupling, tuning.get()[0], tuning.get()[1], mapping.get(), pairs,
                dataset.get().classCount(), simulation));
    }

    private Optional<KuramotoNetwork.KuramotoInput> kuramotoInput(Ast.InputStmt input, int oscillators,
            Optional<Dataset> dataset) {
        String datasetName = input.dataset().text();
        if (input.mapping() instanceof Ast.LinearFrequency) {
            return Optional.of(new KuramotoNetwork.KuramotoInput.Linear(datasetName));
        }
        if (!(input.mapping() instanceof Ast.DirectFrequency direct)) {
            diagnostics.error(input.mapping().span(), "a kuramoto network takes its inputs as `frequency linear` "
                    + "(extended classifier) or `frequency direct to oscillators 0, 1` (reference classifier)");
            return Optional.empty();
        }
        List<Integer> targets = indices(direct.oscillators(), oscillators);
        if (targets == null) {
            return Optional.empty();
        }
        int features = dataset.map(Dataset::featureCount).orElse(targets.size());
        if (targets.size() != features) {
            diagnostics.error(direct.span(), "dataset `" + datasetName + "` has " + features
                    + " features, so the direct input needs " + features + " oscillators, not " + targets.size());
            return Optional.empty();
        }
        if (targets.size() >= oscillators) {
            diagnostics.error(direct.span(), "every oscillator is an input; a reference classifier needs at least one "
                    + "trainable oscillator besides them");
            return Optional.empty();
        }
        return Optional.of(new KuramotoNetwork.KuramotoInput.Direct(datasetName, targets));
    }

    /** Expands index ranges, reporting out-of-range and repeated oscillators; null if any is wrong. */
    private List<Integer> indices(List<Ast.IndexRange> ranges, int oscillators) {
        Set<Integer> seen = new LinkedHashSet<>();
        boolean ok = true;
        for (Ast.IndexRange range : ranges) {
            if (range.last().value() < range.first().value()) {
                diagnostics.error(range.span(), "index range is upside down; write the lower index first");
                ok = false;
                continue;
            }
            for (long i = range.first().value(); i <= range.last().value(); i++) {
                if (!oscillatorExists(i, oscillators, range.span()) || !seen.add((int) i)) {
                    if (i < oscillators) {
                        diagnostics.error(range.span(), "oscillator " + i + " is listed twice");
                    }
                    ok = false;
                    break;
                }
            }
        }
        return ok ? new ArrayList<>(seen) : null;
    }

    private boolean oscillatorExists(long index, int oscillators, Span span) {
        if (oscillators > 0 && index >= oscillators) {
            diagnostics.error(span, "oscillator " + index + " is out of range: the network has " + oscillators
                    + " oscillators (0.." + (oscillators - 1) + ")");
            return false;
        }
        return true;
    }

    private List<KuramotoNetwork.OutputPair> pairs(List<Ast.OutputStmt> outputs, int oscillators,
            Optional<Dataset> dataset) {
        List<KuramotoNetwork.OutputPair> pairs = new ArrayList<>();
        Map<Integer, Ast.OutputStmt> classes = new HashMap<>();
        for (Ast.OutputStmt output : outputs) {
            if (!(output.mapping() instanceof Ast.PairOutput pair)) {
                diagnostics.error(output.mapping().span(), "a kuramoto network reads its outputs from oscillator pairs: "
                        + "`output pair (4, 5) sync when label == versicolor`");
                continue;
            }
            long a = pair.first().value();
            long b = pair.second().value();
            boolean ok = oscillatorExists(a, oscillators, pair.first().span())
                    & oscillatorExists(b, oscillators, pair.second().span());
            if (a == b) {
                diagnostics.error(pair.second().span(), "an output pair needs two different oscillators");
                ok = false;
            }
            int syncClass = dataset.map(d -> classOf(pair.label(), d)).orElse(-1);
            Ast.OutputStmt earlier = syncClass >= 0 ? classes.putIfAbsent(syncClass, output) : null;
            if (earlier != null) {
                diagnostics.error(pair.label().span(), "class `" + dataset.get().classNames().get(syncClass)
                        + "` already has an output pair, on line " + earlier.span().line());
                ok = false;
            }
            if (ok && syncClass >= 0) {
                pairs.add(new KuramotoNetwork.OutputPair((int) a, (int) b, syncClass));
            }
        }
        return pairs;
    }

    /** A class by name, or by index when the dataset's classes are unnamed or the index is written. */
    private int classOf(Ast.Name label, Dataset dataset) {
        int index = dataset.classIndex(label.text());
        if (index < 0 && label.text().matches("[0-9]+") && label.text().length() < 9) {
            int number = Integer.parseInt(label.text());
            index = number < dataset.classCount() ? number : -1;
        }
        if (index < 0) {
            diagnostics.error(label.span(), Suggestions.withHint("dataset `" + dataset.name() + "` has no class `"
                    + label.text() + "`; its classes are " + String.join(", ", dataset.classNames()), label.text(),
                    dataset.classNames()));
        }
        return index;
    }

    // ---- stno_rnn ----------------------------------------------------------------------------

    private Optional<StnoRnnNetwork> stnoRnn(String name, Block block, Optional<Ast.InputStmt> input,
            List<Ast.OutputStmt> outputs, Optional<Dataset> dataset) {
        boolean complete = block.require("layers", "layers 32, 32, 32;");
        List<Integer> layers = layerSizes(block);
        StnoRnnNetwork.Densities density = densities(block);
        double tau = block.quantity("tau", Dimension.TIME, 14.12e-9, Values.positive());
        double gain = block.quantity("gain", Dimension.FREQUENCY, 0.5e9, Values.positive());
        double highpass = block.quantity("highpass", Dimension.FREQUENCY, 1e6, Values.nonNegative());
        StnoRnnNetwork.Neuron neuron = neuron(block);
        double period = Double.NaN;
        Ast.InputMapping mapping = input.map(Ast.InputStmt::mapping).orElse(null);
        if (mapping instanceof Ast.SequenceInput sequence) {
            period = Values.si(sequence.period(), Dimension.TIME, "the input period", diagnostics)
                    .filter(p -> Values.positive().check(p, "the input period", sequence.period().span(), diagnostics))
                    .orElse(Double.NaN);
        } else if (mapping != null) {
            diagnostics.error(mapping.span(), "a stno_rnn network reads its input as a sequence: "
                    + "`input digits.features -> sequence every 1 ns`");
        }
        requireOutput(outputs, Ast.SoftmaxOutput.class, "stno_rnn", "output softmax;");
        Simulation simulation = simulation(block, "stno_rnn", SimulationChecker.RECURRENT,
                Double.isNaN(period) ? 1e-9 : period);
        int substeps = 1;
        if (!Double.isNaN(period)) {
            double ratio = period / simulation.step();
            substeps = (int) Math.round(ratio);
            if (substeps < 1 || Math.abs(ratio - substeps) > 1e-9 * ratio || substeps > 1000) {
                Span at = block.get("simulate", Ast.SimulateBlock.class).map(Ast.SimulateBlock::span)
                        .orElse(block.span());
                diagnostics.error(at, "the simulation step must divide the input period into 1 to 1000 equal steps;"
                        + " the period is " + nanoseconds(period) + ", e.g. `step " + nanoseconds(period / 4)
                        + ";` for 4 steps per input point");
                substeps = 1;
            }
        }
        StnoRnnNetwork.Integrator integrator = block.get("simulate", Ast.SimulateBlock.class)
                .flatMap(b -> b.statements().stream().filter(st -> st instanceof Ast.WordSetting w
                        && w.keyword().equals("integrator")).map(Ast.WordSetting.class::cast).findFirst())
                .map(this::integrator).orElse(StnoRnnNetwork.Integrator.EULER);
        if (!complete || layers == null || Double.isNaN(period) || dataset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StnoRnnNetwork(name, dataset.get().name(), layers, density, tau, gain, highpass, period,
                dataset.get().classCount(), neuron, substeps, integrator));
    }

    private static String nanoseconds(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.6g", seconds * 1e9).replaceAll("\\.?0+$", "") + " ns";
    }

    /** {@code density D (input a, inter b, intra c)}: each kind D unless given, each in (0, 1]. */
    private StnoRnnNetwork.Densities densities(Block block) {
        Optional<Ast.DensityStmt> statement = block.get("density", Ast.DensityStmt.class);
        if (statement.isEmpty()) {
            return new StnoRnnNetwork.Densities(0.5, 0.5, 0.5);
        }
        Values.Bound fraction = Values.between(1e-12, 1, "in (0, 1]");
        double global = Values.si(statement.get().value(), Dimension.NONE, "`density`", diagnostics)
                .filter(v -> fraction.check(v, "`density`", statement.get().value().span(), diagnostics)).orElse(0.5);
        OptionSet options = new OptionSet(statement.get().options(), List.of("input", "inter", "intra"), "`density`",
                diagnostics);
        return new StnoRnnNetwork.Densities(options.quantity("input", Dimension.NONE, global, fraction),
                options.quantity("inter", Dimension.NONE, global, fraction),
                options.quantity("intra", Dimension.NONE, global, fraction));
    }

    private StnoRnnNetwork.Neuron neuron(Block block) {
        Optional<Ast.NeuronStmt> statement = block.get("neuron", Ast.NeuronStmt.class);
        if (statement.isEmpty()) {
            return new StnoRnnNetwork.Neuron(StnoRnnNetwork.Neuron.Kind.STNO, false, 0, 1);
        }
        Ast.Name model = statement.get().model();
        List<String> kinds = List.of("stno", "ctrnn");
        if (!kinds.contains(model.text())) {
            diagnostics.error(model.span(), Suggestions.withHint("unknown neuron `" + model.text()
                    + "`; a stno_rnn network takes `neuron stno;` (spin-torque oscillators, the default) or"
                    + " `neuron ctrnn;` (the paper's CTRNN baseline)", model.text(), kinds));
            return new StnoRnnNetwork.Neuron(StnoRnnNetwork.Neuron.Kind.STNO, false, 0, 1);
        }
        boolean stno = model.text().equals("stno");
        OptionSet options = new OptionSet(statement.get().options(), stno ? List.of("q", "sigma") : List.of(),
                "neuron `" + model.text() + "`", diagnostics);
        boolean full = statement.get().options().stream().anyMatch(o -> List.of("q", "sigma").contains(o.key().text()));
        return new StnoRnnNetwork.Neuron(stno ? StnoRnnNetwork.Neuron.Kind.STNO : StnoRnnNetwork.Neuron.Kind.CTRNN,
                stno && full, options.quantity("q", Dimension.NONE, 0, Values.nonNegative()),
                options.quantity("sigma", Dimension.NONE, 1, Values.positive()));
    }

    private StnoRnnNetwork.Integrator integrator(Ast.WordSetting setting) {
        List<String> words = List.of("euler", "heun");
        if (!words.contains(setting.value().text())) {
            diagnostics.error(setting.value().span(), Suggestions.withHint("unknown integrator `"
                    + setting.value().text() + "`; oscnet integrates with euler or heun", setting.value().text(), words));
            return StnoRnnNetwork.Integrator.EULER;
        }
        return StnoRnnNetwork.Integrator.valueOf(setting.value().text().toUpperCase(java.util.Locale.ROOT));
    }

    // ---- xy, stuart_landau -------------------------------------------------------------------

    private Optional<EquilibriumNetwork> equilibrium(String name, String family, Block block,
            Optional<Ast.InputStmt> input, List<Ast.OutputStmt> outputs, Optional<Dataset> dataset) {
        int inputs = dataset.map(Dataset::featureCount).orElse(0);
        int classes = dataset.map(Dataset::classCount).orElse(0);
        List<Integer> layers = List.of();
        int units;
        boolean allToAll;
        Optional<Ast.Statement> connect = block.statement("connect");
        boolean connectAll = block.get("connect", Ast.WordSetting.class).map(w -> w.value().text().equals("all to all"))
                .orElse(false);
        if (block.has("layers") && block.has("units")) {
            diagnostics.error(block.statement("units").get().span(), "give either `layers` (a layered network) or "
                    + "`units` with `connect all to all`, not both");
            return Optional.empty();
        }
        if (block.has("layers")) {
            layers = layerSizes(block);
            if (layers == null) {
                return Optional.empty();
            }
            if (connectAll) {
                diagnostics.error(connect.get().span(), "`connect all to all` takes `units`, not `layers`");
            }
            Span at = block.statement("layers").get().span();
            if (layers.size() < 3) {
                diagnostics.error(at, "a layered " + family + " network needs an input, at least one hidden and an"
                        + " output layer, e.g. `layers 64, 100, 10;`");
            } else if (dataset.isPresent()) {
                checkLayer(layers.get(0), inputs, "input", "features", dataset.get(), at);
                checkLayer(layers.get(layers.size() - 1), classes, "output", "classes", dataset.get(), at);
            }
            units = layers.stream().mapToInt(Integer::intValue).sum();
            allToAll = false;
        } else if (block.has("units")) {
            units = (int) block.count("units", 0, 2, MAX_OSCILLATORS);
            if (connect.isPresent() && !connectAll) {
                diagnostics.error(connect.get().span(), "`connect layered` takes `layers`, not `units`");
            }
            if (dataset.isPresent() && units > 0 && units <= inputs + classes) {
                diagnostics.error(block.statement("units").get().span(), "with " + inputs + " inputs and " + classes
                        + " outputs the network needs more than " + (inputs + classes) + " units");
            }
            allToAll = true;
        } else {
            block.require("layers", "layers 64, 100, 10;` or `units 139; connect all to all;");
            return Optional.empty();
        }
        Optional<double[]> phases = Optional.empty();
        Ast.InputMapping mapping = input.map(Ast.InputStmt::mapping).orElse(null);
        if (mapping instanceof Ast.PhaseInput phase) {
            phases = Ranges.of(phase.phases(), Dimension.ANGLE, "the input phase range", diagnostics);
        } else if (mapping != null) {
            diagnostics.error(mapping.span(), "a " + family + " network clamps its inputs as phases: "
                    + "`input digits.features -> phase -90 deg .. 90 deg`");
        }
        Optional<Ast.PhaseOutput> phaseOutput = requireOutput(outputs, Ast.PhaseOutput.class, family,
                "output phase target 90 deg, others -90 deg;");
        double target = phaseOutput.flatMap(o -> Values.si(o.target(), Dimension.ANGLE, "the target phase", diagnostics))
                .orElse(Double.NaN);
        double others = phaseOutput.flatMap(o -> Values.si(o.others(), Dimension.ANGLE, "the other phase", diagnostics))
                .orElse(Double.NaN);
        phaseOutput.ifPresent(o -> {
            requireHalfOpenTurn(target, "target", o.target().span());
            requireHalfOpenTurn(others, "other", o.others().span());
        });
        double dispersion = block.quantity("dispersion", Dimension.NONE, 0.0, Values.nonNegative());
        block.get("dispersion", Ast.QuantitySetting.class).ifPresent(d -> Values.requirePercent(d.value(),
                "the frequency dispersion", "dispersion 2 %", diagnostics));
        double amplitude = block.quantity("amplitude", Dimension.NONE, 1.0, Values.positive());
        Simulation simulation = simulation(block, family, SimulationChecker.RELAXATION, Double.NaN);
        EquilibriumNetwork.Relaxation relaxation = relaxation(block, family.equals("stuart_landau") && dispersion > 0);
        if (phases.isEmpty() || phaseOutput.isEmpty() || dataset.isEmpty()) {
            return Optional.empty();
        }
        EquilibriumNetwork.Kind kind = family.equals("xy") ? EquilibriumNetwork.Kind.XY
                : EquilibriumNetwork.Kind.STUART_LANDAU;
        return Optional.of(new EquilibriumNetwork(name, kind, dataset.get().name(), layers, units, allToAll, inputs, classes,
                phases.get()[0], phases.get()[1], target, others, dispersion, amplitude, simulation, relaxation));
    }

    /** Default stopping rule: every free unit slower than 1e-4 (dimensionless time). */
    static final double DEFAULT_TOLERANCE = 1e-4;

    /**
     * The relaxation's integrator and stopping rule. FIRE minimises an energy, so it is refused where
     * the flow has none ({@code rotating}: Stuart-Landau units with spread frequencies) and with noise,
     * whose Langevin steps only the Euler integrator takes.
     */
    private EquilibriumNetwork.Relaxation relaxation(Block block, boolean rotating) {
        List<Ast.Statement> body = block.get("simulate", Ast.SimulateBlock.class).map(Ast.SimulateBlock::statements)
                .orElse(List.of());
        EquilibriumNetwork.Solver solver = EquilibriumNetwork.Solver.EULER;
        double tolerance = DEFAULT_TOLERANCE;
        for (Ast.Statement statement : body) {
            if (statement instanceof Ast.WordSetting w && w.keyword().equals("integrator")) {
                List<String> words = List.of("euler", "adaptive", "fire");
                if (words.contains(w.value().text())) {
                    solver = EquilibriumNetwork.Solver.valueOf(w.value().text().toUpperCase(java.util.Locale.ROOT));
                    boolean noisy = body.stream().anyMatch(n -> n instanceof Ast.QuantitySetting q
                            && q.keyword().equals("noise") && q.value().value() > 0);
                    if (noisy && solver != EquilibriumNetwork.Solver.EULER) {
                        diagnostics.error(w.value().span(), "the " + w.value().text() + " integrator does not integrate"
                                + " phase noise; use `integrator euler;` (the default) with `noise`");
                    } else if (rotating && solver == EquilibriumNetwork.Solver.FIRE) {
                        diagnostics.error(w.value().span(), "fire minimises an energy, and Stuart-Landau units with"
                                + " `dispersion` have none; use `integrator euler;` (the default) or `adaptive`");
                    }
                } else {
                    diagnostics.error(w.value().span(), Suggestions.withHint("unknown integrator `" + w.value().text()
                            + "`; a relaxation is solved by euler (fixed steps), adaptive (Dormand-Prince) or fire"
                            + " (inertial energy minimisation)", w.value().text(), words));
                }
            } else if (statement instanceof Ast.QuantitySetting q && q.keyword().equals("tolerance")) {
                tolerance = Values.si(q.value(), Dimension.NONE, "the tolerance", diagnostics)
                        .filter(v -> Values.positive().check(v, "the tolerance", q.span(), diagnostics))
                        .orElse(DEFAULT_TOLERANCE);
            }
        }
        return new EquilibriumNetwork.Relaxation(solver, tolerance);
    }

    private void requireHalfOpenTurn(double phase, String which, Span at) {
        if (!Double.isNaN(phase) && (phase <= -Math.PI || phase > Math.PI + 1e-12)) {
            diagnostics.error(at, "the " + which + " phase must lie in (-180 deg, 180 deg]; write it as an angle in"
                    + " that range, e.g. `90 deg` or `-90 deg`");
        }
    }

    private void checkLayer(int size, int needed, String which, String what, Dataset dataset, Span at) {
        if (size != needed) {
            diagnostics.error(at, "the " + which + " layer has " + size + " units but dataset `" + dataset.name()
                    + "` has " + needed + " " + what);
        }
    }

    // ---- shared ------------------------------------------------------------------------------

    private List<Integer> layerSizes(Block block) {
        Optional<Ast.LayersStmt> layers = block.get("layers", Ast.LayersStmt.class);
        if (layers.isEmpty()) {
            return null;
        }
        List<Integer> sizes = new ArrayList<>();
        boolean ok = true;
        for (Ast.IntLiteral size : layers.get().sizes()) {
            ok &= Values.checkRange(size.value(), 1, MAX_OSCILLATORS, "a layer size", size.span(), diagnostics);
            sizes.add((int) size.value());
        }
        return ok ? sizes : null;
    }

    private <T extends Ast.OutputMapping> Optional<T> requireOutput(List<Ast.OutputStmt> outputs, Class<T> type,
            String family, String example) {
        if (outputs.isEmpty()) {
            return Optional.empty();
        }
        if (outputs.size() > 1) {
            diagnostics.error(outputs.get(1).span(), "a " + family + " network has one `output`; the first is on line "
                    + outputs.get(0).span().line());
        }
        Ast.OutputMapping mapping = outputs.get(0).mapping();
        if (!type.isInstance(mapping)) {
            diagnostics.error(mapping.span(), "a " + family + " network's output is written `" + example + "`");
            return Optional.empty();
        }
        return Optional.of(type.cast(mapping));
    }

    private Simulation simulation(Block block, String family, SimulationChecker.Rules rules, double defaultStep) {
        Ast.SimulateBlock simulate = block.get("simulate", Ast.SimulateBlock.class).orElse(null);
        return SimulationChecker.check(simulate, block.span(), family, rules, defaultStep, diagnostics);
    }

    private static String exampleInput(String family) {
        return switch (family) {
            case "kuramoto" -> "input iris.features -> frequency linear;";
            case "stno_rnn" -> "input digits.features -> sequence every 1 ns;";
            default -> "input digits.features -> phase -90 deg .. 90 deg;";
        };
    }

    private static String exampleOutput(String family) {
        return switch (family) {
            case "kuramoto" -> "output pair (4, 5) sync when label == versicolor;";
            case "stno_rnn" -> "output softmax;";
            default -> "output phase target 90 deg, others -90 deg;";
        };
    }
}
