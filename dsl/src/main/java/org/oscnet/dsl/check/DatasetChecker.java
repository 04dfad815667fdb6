package org.oscnet.dsl.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.SourceFile;
import org.oscnet.model.Dataset;
import org.oscnet.model.FeatureMap;
import org.oscnet.model.FeatureScaling;
import org.oscnet.model.Samples;

/**
 * Checks a {@code dataset} block and loads it: reads the data file, picks feature and label
 * columns, splits rows into training and test sets, and scales the features.
 */
final class DatasetChecker {
    private static final Set<String> STATEMENTS = Set.of("file", "features", "label", "split", "scale",
            "missing");

    private final Diagnostics diagnostics;
    private final SourceFile osc;

    DatasetChecker(SourceFile osc, Diagnostics diagnostics) {
        this.osc = osc;
        this.diagnostics = diagnostics;
    }

    Optional<Dataset> check(Ast.DatasetDecl decl) {
        String name = decl.name().text();
        Block block = new Block("dataset `" + name + "`", decl.name().span(), decl.statements(), STATEMENTS,
                "does not belong in a dataset", diagnostics);
        if (!block.require("file", "file \"data/iris.csv\" header;")) {
            block.require("split", "split per class: first 30 train, next 20 test;");
            return Optional.empty();
        }
        Ast.FileStmt file = block.get("file", Ast.FileStmt.class).orElseThrow();
        return IdxImages.isIdx(file.path()) ? idx(name, block, file) : csv(name, block, file);
    }

    /** MNIST-style images: every pixel a feature (or those `features` names), labels from the label file. */
    private Optional<Dataset> idx(String name, Block block, Ast.FileStmt file) {
        boolean complete = block.require("split", "split: first 8000 train, rest test;");
        block.get("missing", Ast.MissingStmt.class).ifPresent(m -> diagnostics.error(m.span(), "idx images have no"
                + " missing values; `missing drop rows;` is for CSV files"));
        block.get("label", Ast.LabelStmt.class).ifPresent(l -> diagnostics.error(l.span(), "an idx image file takes"
                + " its labels from the label file: `file \"" + file.path() + "\" labels \"...-idx1-ubyte.gz\";`"));
        if (file.labels() == null) {
            diagnostics.error(file.span(), "idx images need their label file: `file \"" + file.path()
                    + "\" labels \"t10k-labels-idx1-ubyte.gz\";`");
            return Optional.empty();
        }
        Path path = resolve(file.path());
        Optional<IdxImages.Data> data = IdxImages.read(path, shown(file.path()), file.pathSpan(),
                resolve(file.labels()), shown(file.labels()), file.labelsSpan(), diagnostics);
        Optional<FeatureScaling> scaling = scaling(block.get("scale", Ast.ScaleStmt.class));
        if (!complete || data.isEmpty() || scaling.isEmpty() || block.has("label")) {
            return Optional.empty();
        }
        double[][] features = data.get().features();
        int pixels = features.length == 0 ? 0 : features[0].length;
        Optional<Ast.FeaturesStmt> chosen = block.get("features", Ast.FeaturesStmt.class);
        if (chosen.isPresent()) {
            Optional<int[]> columns = columns(chosen.get(), pixels, -1, "`" + shown(file.path()) + "` has " + pixels
                    + " pixels per image (0.." + (pixels - 1) + ")");
            if (columns.isEmpty()) {
                return Optional.empty();
            }
            features = selectColumns(features, columns.get());
        }
        return finish(name, path, block, features, data.get().labels(), List.of(), scaling.get());
    }

    private Optional<Dataset> csv(String name, Block block, Ast.FileStmt file) {
        boolean complete = block.require("features", "features 0..3;")
                & block.require("label", "label 4;")
                & block.require("split", "split per class: first 30 train, next 20 test;");
        if (file.labels() != null) {
            diagnostics.error(file.labelsSpan(), "a label file is for idx images (`...-idx3-ubyte.gz`); a CSV file"
                    + " names its label column with `label N;`");
            return Optional.empty();
        }
        if (!complete) {
            return Optional.empty();
        }
        Path path = resolve(file.path());
        String shownPath = shown(file.path());
        Optional<CsvTable> table = CsvTable.read(path, shownPath, file.header(), file.pathSpan(), diagnostics);
        Optional<FeatureScaling> scaling = scaling(block.get("scale", Ast.ScaleStmt.class));
        if (table.isEmpty() || scaling.isEmpty()) {
            return Optional.empty();
        }
        CsvTable csv = table.get();
        Ast.FeaturesStmt featuresStmt = block.get("features", Ast.FeaturesStmt.class).orElseThrow();
        Ast.LabelStmt label = block.get("label", Ast.LabelStmt.class).orElseThrow();
        Optional<int[]> featureColumns = featureColumns(featuresStmt, label, csv, shownPath);
        if (featureColumns.isEmpty()) {
            return Optional.empty();
        }
        int[] columns = featureColumns.get();
        List<String> classNames = label.classNames().stream().map(Ast.Name::text).toList();
        if (new HashSet<>(classNames).size() != classNames.size()) {
            diagnostics.error(label.span(), "a class name is listed twice in `names`");
            return Optional.empty();
        }
        Optional<Ast.MissingStmt> dropMissing = block.get("missing", Ast.MissingStmt.class);
        List<double[]> kept = new ArrayList<>();
        List<Integer> keptLabels = new ArrayList<>();
        boolean cellsOk = true;
        int labelColumn = (int) label.column().value();
        for (CsvTable.Row row : csv.rows()) {
            double[] values = new double[columns.length];
            List<Integer> missing = new ArrayList<>();
            for (int c = 0; c < columns.length; c++) {
                String cell = row.cells()[columns[c]];
                if (cell.isEmpty()) {
                    missing.add(c);
                    continue;
                }
                try {
                    values[c] = Double.parseDouble(cell);
                    if (!Double.isFinite(values[c])) {
                        missing.add(c);
                    }
                } catch (NumberFormatException e) {
                    diagnostics.error(csv.cellSpan(row, columns[c]), "`" + cell + "` in column " + columns[c]
                            + " is not a number");
                    cellsOk = false;
                }
            }
            int labelIndex = classIndex(row.cells()[labelColumn], classNames);
            if (labelIndex < 0) {
                diagnostics.error(csv.cellSpan(row, labelColumn), labelProblem(row.cells()[labelColumn], classNames));
                cellsOk = false;
            }
            if (missing.isEmpty()) {
                kept.add(values);
                keptLabels.add(labelIndex);
            } else if (dropMissing.isEmpty()) {
                for (int c : missing) {
                    String cell = row.cells()[columns[c]];
                    diagnostics.error(csv.cellSpan(row, columns[c]), (cell.isEmpty() ? "an empty cell" : "`" + cell
                            + "`") + " in feature column " + columns[c] + " is not a finite number; fix the data,"
                            + " or add `missing drop rows;` to dataset `" + name + "` to leave such rows out");
                }
                cellsOk = false;
            }
        }
        if (!cellsOk) {
            return Optional.empty();
        }
        int dropped = csv.rows().size() - kept.size();
        if (dropMissing.isPresent() && dropped > 0) {
            diagnostics.warning(dropMissing.get().span(), "left out " + dropped + " of " + csv.rows().size()
                    + " rows of `" + shownPath + "` for an empty, NaN or infinite feature; the split counts the "
                    + kept.size() + " rows left");
        }
        double[][] features = kept.toArray(double[][]::new);
        int[] labels = keptLabels.stream().mapToInt(Integer::intValue).toArray();
        return finish(name, path, block, features, labels, classNames, scaling.get());
    }

    /** Names the classes (0..max when not named), splits and scales. */
    private Optional<Dataset> finish(String name, Path path, Block block, double[][] features, int[] labels,
            List<String> names, FeatureScaling scaling) {
        List<String> classNames = names;
        if (classNames.isEmpty()) {
            int maxLabel = java.util.Arrays.stream(labels).max().orElse(-1);
            List<String> numbered = new ArrayList<>();
            for (int k = 0; k <= maxLabel; k++) {
                numbered.add(Integer.toString(k));
            }
            classNames = numbered;
        }
        Ast.SplitStmt splitStmt = block.get("split", Ast.SplitStmt.class).orElseThrow();
        Optional<Splitter.Split> split = new Splitter(diagnostics).split(splitStmt, labels, classNames);
        if (split.isEmpty()) {
            return Optional.empty();
        }
        double[][] train = select(features, split.get().train());
        double[][] test = select(features, split.get().test());
        FeatureMap featureMap = Scaler.apply(scaling, train, test);
        int featureCount = features.length == 0 ? 0 : features[0].length;
        return Optional.of(new Dataset(name, path, classNames, featureCount,
                new Samples(train, select(labels, split.get().train())),
                new Samples(test, select(labels, split.get().test())), split.get().description(), scaling,
                featureMap));
    }

    private Path resolve(String written) {
        Path dir = osc.path().toAbsolutePath().getParent();
        return dir.resolve(written).normalize();
    }

    /** The data file's name as diagnostics print it: relative to where the .osc file was named from. */
    private String shown(String written) {
        Path parent = Path.of(osc.displayName()).getParent();
        Path shown = parent == null ? Path.of(written) : parent.resolve(written);
        return shown.normalize().toString();
    }

    private Optional<int[]> featureColumns(Ast.FeaturesStmt features, Ast.LabelStmt label, CsvTable csv, String file) {
        int columns = csv.columnCount();
        String available = "`" + file + "` has " + columns + " columns (0.." + (columns - 1) + ")";
        long labelColumn = label.column().value();
        boolean ok = true;
        if (labelColumn >= columns) {
            diagnostics.error(label.column().span(), "label column " + labelColumn + " does not exist: " + available);
            ok = false;
        }
        Optional<int[]> chosen = columns(features, columns, labelColumn, available);
        return ok ? chosen : Optional.empty();
    }

    /** The feature columns a {@code features} statement names, each below {@code count} and not the label. */
    private Optional<int[]> columns(Ast.FeaturesStmt features, int count, long labelColumn, String available) {
        Set<Integer> chosen = new TreeSet<>();
        boolean ok = true;
        for (Ast.IndexRange range : features.columns()) {
            if (range.last().value() < range.first().value()) {
                diagnostics.error(range.span(), "column range is upside down; write the lower column first");
                ok = false;
                continue;
            }
            for (long c = range.first().value(); c <= range.last().value(); c++) {
                if (c >= count) {
                    diagnostics.error(range.span(), "feature column " + c + " does not exist: " + available);
                    ok = false;
                    break;
                }
                if (c == labelColumn) {
                    diagnostics.error(range.span(), "column " + c + " is the label; it cannot also be a feature");
                    ok = false;
                }
                if (!chosen.add((int) c)) {
                    diagnostics.error(range.span(), "feature column " + c + " is listed twice");
                    ok = false;
                }
            }
        }
        return ok ? Optional.of(chosen.stream().mapToInt(Integer::intValue).toArray()) : Optional.empty();
    }

    private static double[][] selectColumns(double[][] rows, int[] columns) {
        double[][] out = new double[rows.length][columns.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                out[r][c] = rows[r][columns[c]];
            }
        }
        return out;
    }

    /** A label cell is a class index (0, 1, ...) or, when names are given, a class name. */
    private static int classIndex(String cell, List<String> classNames) {
        int byName = classNames.indexOf(cell);
        if (byName >= 0) {
            return byName;
        }
        try {
            int index = Integer.parseInt(cell);
            return index >= 0 && (classNames.isEmpty() || index < classNames.size()) ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String labelProblem(String cell, List<String> classNames) {
        if (classNames.isEmpty()) {
            return "label `" + cell + "` is not a class index (0, 1, 2, ...); name the classes with `names (...)` "
                    + "to use words";
        }
        return "label `" + cell + "` is neither a class of `names` nor an index 0.." + (classNames.size() - 1);
    }

    private Optional<FeatureScaling> scaling(Optional<Ast.ScaleStmt> statement) {
        if (statement.isEmpty()) {
            return Optional.of(FeatureScaling.NONE);
        }
        Ast.ScaleStmt scale = statement.get();
        Optional<double[]> target = Ranges.of(scale.to(), Dimension.NONE, "the target range", diagnostics);
        if (scale.from() == null) {
            return target.map(t -> new FeatureScaling(true, true, Double.NaN, Double.NaN, t[0], t[1]));
        }
        Optional<double[]> source = Ranges.of(scale.from(), Dimension.NONE, "the source range", diagnostics);
        if (source.isEmpty() || target.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FeatureScaling(true, false, source.get()[0], source.get()[1], target.get()[0],
                target.get()[1]));
    }

    private static double[][] select(double[][] rows, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = rows[indices[i]].clone();
        }
        return out;
    }

    private static int[] select(int[] values, int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }
}
