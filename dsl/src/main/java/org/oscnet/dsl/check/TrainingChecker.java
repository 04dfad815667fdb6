package org.oscnet.dsl.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.Span;
import org.oscnet.dsl.diag.Suggestions;
import org.oscnet.model.Dataset;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Network;
import org.oscnet.model.Optimizer;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;

/**
 * Checks a {@code train} block: the network and dataset exist and fit each other, the method
 * suits the network's family, and the optimizer and schedule make sense. Defaults follow the
 * seed papers (100 full-batch iterations of Adam, lr 0.03, seed 1).
 */
final class TrainingChecker {
    private static final Set<String> STATEMENTS = Set.of("method", "optimizer", "iterations", "epochs", "batch", "seed",
            "restarts", "test every");
    private static final List<String> METHODS = List.of("offline gradient", "online", "bptt", "equilibrium propagation");
    private static final Map<String, List<String>> METHODS_BY_FAMILY = Map.of(
            "kuramoto", List.of("offline gradient", "online"),
            "stno_rnn", List.of("bptt"),
            "xy", List.of("equilibrium propagation"),
            "stuart_landau", List.of("equilibrium propagation"));
    private static final List<String> OPTIMIZERS = List.of("adam", "sgd");

    private final Diagnostics diagnostics;

    TrainingChecker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * Checks the block; with the network or a dataset missing (they failed their own checks), what
     * depends on them is skipped and no training is returned.
     */
    Optional<Training> check(Ast.TrainDecl decl, Optional<Network> maybeNetwork, Optional<Dataset> maybeDataset,
            Optional<Dataset> networkDataset) {
        String networkName = decl.network().text();
        Block block = new Block("the training of `" + networkName + "`", decl.network().span(), decl.statements(),
                STATEMENTS, "does not belong in a train block", diagnostics);
        long errorsBefore = diagnostics.errorCount();
        if (maybeDataset.isPresent() && networkDataset.isPresent()) {
            checkFit(decl, maybeNetwork.get(), maybeDataset.get(), networkDataset.get());
        }
        TrainingMethod method = method(block.get("method", Ast.MethodStmt.class), maybeNetwork, maybeDataset);
        Optimizer optimizer = optimizer(block.get("optimizer", Ast.OptimizerStmt.class));
        if (block.has("iterations") && block.has("epochs")) {
            diagnostics.error(block.statement("epochs").get().span(), "give `iterations` or `epochs`, not both");
        }
        boolean epochs = block.has("epochs");
        int steps = (int) block.count(epochs ? "epochs" : "iterations", 100, 1, 100_000_000);
        Optional<Ast.BatchStmt> batchStmt = block.get("batch", Ast.BatchStmt.class);
        boolean perClass = batchStmt.map(Ast.BatchStmt::perClass).orElse(false);
        int batch = batchStmt.filter(b -> b.size() != null)
                .map(b -> maybeDataset.map(d -> batchSize(b, d)).orElse(0)).orElse(0);
        long seed = block.count("seed", 1, 0, Long.MAX_VALUE);
        int restarts = (int) block.count("restarts", 1, 1, 10_000);
        int testEvery = (int) block.count("test every", 0, 1, 100_000_000);
        block.statement("test every").filter(t -> !(method instanceof TrainingMethod.EquilibriumPropagation))
                .ifPresent(t -> diagnostics.error(t.span(), "`test every` sets the checkpoints of equilibrium"
                        + " propagation; the other trainers test once per epoch or at the end: remove it"));
        if (diagnostics.errorCount() > errorsBefore || maybeNetwork.isEmpty() || maybeDataset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Training(networkName, maybeDataset.get().name(), method, optimizer, steps, epochs, batch,
                perClass, seed, restarts, testEvery));
    }

    private void checkFit(Ast.TrainDecl decl, Network network, Dataset dataset, Dataset networkDataset) {
        if (dataset.featureCount() != networkDataset.featureCount()
                || dataset.classCount() != networkDataset.classCount()) {
            diagnostics.error(decl.dataset().span(), "dataset `" + dataset.name() + "` (" + dataset.featureCount()
                    + " features, " + dataset.classCount() + " classes) does not fit network `" + network.name()
                    + "`, built for `" + networkDataset.name() + "` (" + networkDataset.featureCount() + " features, "
                    + networkDataset.classCount() + " classes)");
        }
    }

    private int batchSize(Ast.BatchStmt statement, Dataset dataset) {
        Ast.IntLiteral size = statement.size();
        int[] counts = dataset.train().classCounts(dataset.classCount());
        int available = statement.perClass() ? java.util.Arrays.stream(counts).min().orElse(0) : dataset.train().size();
        String what = statement.perClass() ? "the smallest class in the training set (" + available + " rows)"
                : "the training set (" + available + " rows)";
        if (size.value() < 1 || size.value() > available) {
            diagnostics.error(size.span(), "batch " + size.value() + " must be between 1 and the size of " + what);
            return 0;
        }
        return (int) size.value();
    }

    private TrainingMethod method(Optional<Ast.MethodStmt> statement, Optional<Network> maybeNetwork,
            Optional<Dataset> maybeDataset) {
        List<String> suitable = maybeNetwork.map(n -> METHODS_BY_FAMILY.get(n.family())).orElse(METHODS);
        if (statement.isEmpty()) {
            return build(suitable.get(0), List.of(), maybeDataset);
        }
        Ast.MethodStmt stmt = statement.get();
        String name = stmt.methodName();
        Ast.Name first = stmt.words().get(0);
        if (!METHODS.contains(name)) {
            diagnostics.error(first.span().through(stmt.words().get(stmt.words().size() - 1).span()),
                    Suggestions.withHint("unknown training method `" + name + "`; oscnet knows "
                            + String.join(", ", METHODS), name, METHODS));
            return build(suitable.get(0), List.of(), maybeDataset);
        }
        Network network = maybeNetwork.orElse(null);
        if (network != null && !suitable.contains(name)) {
            diagnostics.error(first.span(), "method `" + name + "` does not train a " + network.family()
                    + " network; use " + String.join(" or ", suitable.stream().map(m -> "`" + m + "`").toList()));
        } else if (name.equals("online") && network instanceof KuramotoNetwork k && !k.isReference()) {
            diagnostics.error(first.span(), "the online rule trains a reference classifier (inputs written "
                    + "`frequency direct to oscillators ...`); network `" + network.name() + "` is extended");
        } else if (name.equals("online") && network instanceof KuramotoNetwork k && k.outputs().size() > 1) {
            diagnostics.error(first.span(), "the online rule trains one output pair; network `" + network.name()
                    + "` has " + k.outputs().size() + "; use `offline gradient`");
        }
        return build(name, stmt.options(), maybeDataset);
    }

    private TrainingMethod build(String name, List<Ast.Option> written, Optional<Dataset> maybeDataset) {
        String owner = "method `" + name + "`";
        return switch (name) {
            case "offline gradient" -> {
                OptionSet options = new OptionSet(written, List.of("jacobian", "squash", "init", "balance", "locked"),
                        owner, diagnostics);
                yield new TrainingMethod.OfflineGradient(
                        TrainingMethod.Jacobian.valueOf(options.word("jacobian", List.of("adjoint", "forward"),
                                "adjoint").toUpperCase(java.util.Locale.ROOT)),
                        options.word("squash", List.of("tanh", "none"), "tanh").equals("tanh"),
                        TrainingMethod.Init.valueOf(options.word("init", List.of("data", "shapes", "random"), "data")
                                .toUpperCase(java.util.Locale.ROOT)),
                        options.word("balance", List.of("classes", "none"), "classes").equals("classes"),
                        TrainingMethod.LockedGradient.valueOf(options.word("locked",
                                List.of("detuning", "phase", "jacobian"), "detuning").toUpperCase(java.util.Locale.ROOT)));
            }
            case "online" -> {
                OptionSet options = new OptionSet(written, List.of("rate"), owner, diagnostics);
                yield new TrainingMethod.OnlineRule(options.quantity("rate", Dimension.FREQUENCY, 1e6, Values.positive()));
            }
            case "bptt" -> {
                OptionSet options = new OptionSet(written, List.of("clip", "init", "memory", "floor", "warmup", "l2", "wd", "noise",
                        "shift"),
                        owner,
                        diagnostics);
                yield new TrainingMethod.Bptt(options.quantity("clip", Dimension.NONE, 1.0, Values.positive()),
                        options.quantity("init", Dimension.NONE, 1.0, Values.positive()),
                        options.quantity("memory", Dimension.TIME, Double.NaN, Values.positive()),
                        options.quantity("floor", Dimension.NONE, 0, Values.nonNegative()),
                        options.quantity("warmup", Dimension.NONE, 0, Values.nonNegative()),
                        options.quantity("l2", Dimension.NONE, 0, Values.nonNegative()),
                        options.quantity("wd", Dimension.NONE, 0, Values.nonNegative()),
                        options.quantity("noise", Dimension.NONE, 0, Values.nonNegative()),
                        shift(options, maybeDataset));
            }
            default -> {
                OptionSet options = new OptionSet(written, List.of("beta", "nudge", "starts"), owner, diagnostics);
                yield new TrainingMethod.EquilibriumPropagation(options.quantity("beta", Dimension.NONE, 0.1,
                        Values.positive()),
                        options.word("nudge", List.of("positive", "symmetric"), "positive").equals("symmetric"),
                        options.word("starts", List.of("fixed", "fresh"), "fixed").equals("fresh"));
            }
        };
    }

    /**
     * The {@code shift} option of bptt: a whole number of pixels, smaller than the side of the
     * square image that the sequences scan row by row.
     */
    private int shift(OptionSet options, Optional<Dataset> maybeDataset) {
        double shift = options.quantity("shift", Dimension.NONE, 0, Values.nonNegative());
        Optional<Ast.Option> written = options.get("shift");
        if (written.isEmpty() || shift == 0) {
            return 0;
        }
        Span at = written.get().value() == null ? written.get().span() : written.get().value().span();
        if (shift != Math.rint(shift)) {
            diagnostics.error(at, "option `shift` is a whole number of pixels, like `shift 1`");
            return 0;
        }
        int features = maybeDataset.map(Dataset::featureCount).orElse(0);
        int side = (int) Math.round(Math.sqrt(features));
        if (maybeDataset.isPresent() && side * side != features) {
            diagnostics.error(at, "option `shift` moves square images scanned row by row, but the sequences have "
                    + features + " points, not a square number; remove it");
            return 0;
        }
        if (maybeDataset.isPresent() && shift >= side) {
            diagnostics.error(at, "option `shift` must be smaller than the images' side (" + side
                    + (side == 1 ? " pixel)" : " pixels)"));
            return 0;
        }
        return (int) shift;
    }

    private Optimizer optimizer(Optional<Ast.OptimizerStmt> statement) {
        if (statement.isEmpty()) {
            return new Optimizer(Optimizer.Kind.ADAM, 0.03, 0.9, 0.999, 1e-8, 0);
        }
        Ast.Name name = statement.get().name();
        if (!OPTIMIZERS.contains(name.text())) {
            diagnostics.error(name.span(), Suggestions.withHint("unknown optimizer `" + name.text()
                    + "`; oscnet knows adam, sgd", name.text(), OPTIMIZERS));
            return new Optimizer(Optimizer.Kind.ADAM, 0.03, 0.9, 0.999, 1e-8, 0);
        }
        boolean adam = name.text().equals("adam");
        List<String> keys = adam ? List.of("lr", "beta1", "beta2", "epsilon", "decay") : List.of("lr", "decay");
        OptionSet options = new OptionSet(statement.get().options(), keys, "optimizer `" + name.text() + "`",
                diagnostics);
        Values.Bound unit = Values.between(0, 0.999999, "at least 0 and below 1");
        return new Optimizer(adam ? Optimizer.Kind.ADAM : Optimizer.Kind.SGD,
                options.quantity("lr", Dimension.NONE, adam ? 0.03 : 0.01, Values.positive()),
                options.quantity("beta1", Dimension.NONE, 0.9, unit),
                options.quantity("beta2", Dimension.NONE, 0.999, unit),
                options.quantity("epsilon", Dimension.NONE, 1e-8, Values.positive()),
                options.quantity("decay", Dimension.NONE, 0, Values.positive()));
    }
}
