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
import org.oscnet.model.FeatureScaling;
import org.oscnet.model.Samples;

/**
 * Checks a {@code dataset} block and loads it: reads the data file, picks feature and label
 * columns, splits rows into training and test sets, and scales the features.
 */
final class DatasetChecker {
    private static final Set<String> STATEMENTS = Set.of("file", "features", "label", "split", "scale");

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
        boolean complete = block.require("file", "file \"data/iris.csv\" header;")
                & block.require("features", "features 0..3;")
                & block.require("label", "label 4;")
                & block.require("split", "split per class: first 30 train, next 20 test;");
        if (!complete) {
            return Optional.empty();
        }
        Ast.FileStmt file = block.get("file", Ast.FileStmt.class).orElseThrow();
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
        double[][] features = new double[csv.rows().size()][columns.length];
        int[] labels = new int[csv.rows().size()];
        int maxLabel = -1;
        boolean cellsOk = true;
        int labelColumn = (int) label.column().value();
        for (int r = 0; r < csv.rows().size(); r++) {
            CsvTable.Row row = csv.rows().get(r);
            for (int c = 0; c < columns.length; c++) {
                String cell = row.cells()[columns[c]];
                try {
                    features[r][c] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    diagnostics.error(csv.cellSpan(row, columns[c]), "`" + cell + "` in column " + columns[c]
                            + " is not a number");
                    cellsOk = false;
                }
            }
            labels[r] = classIndex(row.cells()[labelColumn], classNames);
            if (labels[r] < 0) {
                diagnostics.error(csv.cellSpan(row, labelColumn), labelProblem(row.cells()[labelColumn], classNames));
                cellsOk = false;
            }
            maxLabel = Math.max(maxLabel, labels[r]);
        }
        if (!cellsOk) {
            return Optional.empty();
        }
        if (classNames.isEmpty()) {
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
        Scaler.apply(scaling.get(), train, test);
        return Optional.of(new Dataset(name, path, classNames, columns.length,
                new Samples(train, select(labels, split.get().train())),
                new Samples(test, select(labels, split.get().test())), split.get().description(), scaling.get()));
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
        Set<Integer> chosen = new TreeSet<>();
        boolean ok = true;
        String available = "`" + file + "` has " + columns + " columns (0.." + (columns - 1) + ")";
        long labelColumn = label.column().value();
        if (labelColumn >= columns) {
            diagnostics.error(label.column().span(), "label column " + labelColumn + " does not exist: " + available);
            ok = false;
        }
        for (Ast.IndexRange range : features.columns()) {
            if (range.last().value() < range.first().value()) {
                diagnostics.error(range.span(), "column range is upside down; write the lower column first");
                ok = false;
                continue;
            }
            for (long c = range.first().value(); c <= range.last().value(); c++) {
                if (c >= columns) {
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
