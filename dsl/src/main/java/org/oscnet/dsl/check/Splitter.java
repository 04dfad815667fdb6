package org.oscnet.dsl.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;

/**
 * Assigns data rows to the training and test sets following a {@code split} statement. Parts
 * are taken in order from a cursor: {@code first}/{@code next N} take the following N rows,
 * {@code rest} takes what is left, {@code all} takes every row. With {@code per class} the
 * cursor runs over each class's rows separately. Rows keep their file order, unless the split is
 * {@code shuffled seed N}: then each group's rows are first permuted by a generator seeded with N
 * (the same permutation on every machine), so the sets are random but reproducible.
 */
final class Splitter {
    /** Row indices of each set, and a sentence describing the split for reports. */
    record Split(int[] train, int[] test, String description) {
    }

    private final Diagnostics diagnostics;

    Splitter(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Optional<Split> split(Ast.SplitStmt statement, int[] labels, List<String> classNames) {
        List<List<Integer>> groups = new ArrayList<>();
        List<String> groupNames = new ArrayList<>();
        if (statement.perClass()) {
            for (int k = 0; k < classNames.size(); k++) {
                groups.add(new ArrayList<>());
                groupNames.add("class `" + classNames.get(k) + "`");
            }
            for (int r = 0; r < labels.length; r++) {
                groups.get(labels[r]).add(r);
            }
        } else {
            List<Integer> all = new ArrayList<>();
            for (int r = 0; r < labels.length; r++) {
                all.add(r);
            }
            groups.add(all);
            groupNames.add("the data");
        }
        if (statement.shuffleSeed() != null) {
            for (List<Integer> group : groups) {
                java.util.SplittableRandom random = new java.util.SplittableRandom(statement.shuffleSeed().value());
                for (int i = group.size() - 1; i > 0; i--) {
                    java.util.Collections.swap(group, i, random.nextInt(i + 1));
                }
            }
        }
        Map<Ast.Subset, Ast.SplitPart> seen = new EnumMap<>(Ast.Subset.class);
        for (Ast.SplitPart part : statement.parts()) {
            Ast.SplitPart earlier = seen.putIfAbsent(part.subset(), part);
            if (earlier != null) {
                diagnostics.error(part.span(), "the " + subsetName(part.subset()) + " set is already given by `"
                        + describe(earlier) + "`");
                return Optional.empty();
            }
            if (part.count() != null && !validCount(part.count())) {
                return Optional.empty();
            }
        }
        Map<Ast.Subset, TreeSet<Integer>> chosen = new EnumMap<>(Ast.Subset.class);
        chosen.put(Ast.Subset.TRAIN, new TreeSet<>());
        chosen.put(Ast.Subset.TEST, new TreeSet<>());
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> rows = groups.get(g);
            int cursor = 0;
            for (Ast.SplitPart part : statement.parts()) {
                List<Integer> taken;
                switch (part.kind()) {
                    case ALL -> taken = rows;
                    case REST -> {
                        taken = rows.subList(cursor, rows.size());
                        cursor = rows.size();
                    }
                    default -> {
                        int n = count(part.count(), rows.size());
                        if (cursor + n > rows.size()) {
                            diagnostics.error(part.span(), "`" + describe(part) + "` needs rows " + (cursor + 1) + ".."
                                    + (cursor + n) + " of " + groupNames.get(g) + ", which has " + rows.size());
                            return Optional.empty();
                        }
                        taken = rows.subList(cursor, cursor + n);
                        cursor += n;
                    }
                }
                chosen.get(part.subset()).addAll(taken);
            }
        }
        int[] train = chosen.get(Ast.Subset.TRAIN).stream().mapToInt(Integer::intValue).toArray();
        int[] test = chosen.get(Ast.Subset.TEST).stream().mapToInt(Integer::intValue).toArray();
        if (train.length == 0) {
            diagnostics.error(statement.span(), "this split leaves no training rows");
            return Optional.empty();
        }
        String parts = statement.parts().stream().map(Splitter::describe).collect(Collectors.joining(", "));
        String description = (statement.perClass() ? "per class" : "")
                + (statement.shuffleSeed() == null ? "" : (statement.perClass() ? ", " : "") + "shuffled (seed "
                        + statement.shuffleSeed().value() + ")")
                + (statement.perClass() || statement.shuffleSeed() != null ? ": " : "") + parts + " (" + train.length + " train, "
                + test.length + " test rows)";
        return Optional.of(new Split(train, test, description));
    }

    private boolean validCount(Ast.Quantity count) {
        boolean percent = count.unit().equals("%");
        if (percent && (count.value() < 0 || count.value() > 100)) {
            diagnostics.error(count.span(), "a percentage must be between 0 and 100");
            return false;
        }
        if (!percent && (!count.integral() || count.value() < 0)) {
            diagnostics.error(count.span(), "a row count must be a whole number, or a percentage like `50 %`");
            return false;
        }
        return true;
    }

    private static int count(Ast.Quantity count, int groupSize) {
        return count.unit().equals("%") ? (int) Math.floor(groupSize * count.value() / 100.0) : (int) count.value();
    }

    private static String subsetName(Ast.Subset subset) {
        return subset == Ast.Subset.TRAIN ? "training" : "test";
    }

    private static String describe(Ast.SplitPart part) {
        String subset = part.subset() == Ast.Subset.TRAIN ? "train" : "test";
        String kind = part.kind().name().toLowerCase();
        if (part.count() == null) {
            return kind + " " + subset;
        }
        String n = part.count().integral() ? Long.toString((long) part.count().value())
                : Double.toString(part.count().value());
        return kind + " " + n + (part.count().unit().equals("%") ? " %" : "") + " " + subset;
    }
}
