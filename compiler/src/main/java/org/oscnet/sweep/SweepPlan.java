package org.oscnet.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oscnet.dsl.Overrides;

/**
 * The cross product of {@code --over} axes: {@code seed=1..10}, {@code train.lr=0.01,0.03},
 * {@code hardware.dac.bits=8,10}. Each task is one combination, named by its overrides in axis
 * order ({@code seed=3 train.lr=0.01}), which is also its key in {@code results.jsonl}.
 */
public record SweepPlan(List<Axis> axes) {
    /**
     * The axis of a sweep over several files: its values name the files, and a task's value says
     * which file's variant it trains. No setting of the language is called {@code osc}.
     */
    public static final String FILE_AXIS = "osc";

    public SweepPlan {
        axes = List.copyOf(axes);
    }

    /** One swept setting and the values it takes, as text to put into the file. */
    public record Axis(String path, List<String> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    /** One combination of values. */
    public record Task(List<Overrides.Assignment> overrides) implements java.io.Serializable {
        public Task {
            overrides = List.copyOf(overrides);
        }

        public String id() {
            return String.join(" ", overrides.stream().map(Overrides.Assignment::toString).toList());
        }

        /** The file a task of a several-file sweep trains (its {@value #FILE_AXIS} value); empty otherwise. */
        public java.util.Optional<String> file() {
            return overrides.stream().filter(o -> o.path().equals(FILE_AXIS)).map(Overrides.Assignment::value)
                    .findFirst();
        }

        /** The overrides that change the file's text: all but the file axis. */
        public List<Overrides.Assignment> settings() {
            return overrides.stream().filter(o -> !o.path().equals(FILE_AXIS)).toList();
        }

        /** The value of each swept path. */
        public Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            overrides.forEach(o -> parameters.put(o.path(), o.value()));
            return parameters;
        }
    }

    /**
     * Parses {@code PATH=VALUES}: values separated by commas, each a literal ({@code 0.5 %},
     * {@code 10 ns}, {@code tanh}) or an inclusive integer range {@code 1..10}.
     */
    public static Axis axis(String spec) {
        int equals = spec.indexOf('=');
        if (equals <= 0 || equals == spec.length() - 1) {
            throw new IllegalArgumentException("`" + spec + "` is not PATH=VALUES, e.g. `seed=1..10` or"
                    + " `train.lr=0.01,0.03`");
        }
        String path = spec.substring(0, equals).strip();
        List<String> values = new ArrayList<>();
        for (String item : spec.substring(equals + 1).split(",")) {
            String value = item.strip();
            if (value.matches("-?\\d+\\.\\.-?\\d+")) {
                String[] ends = value.split("\\.\\.");
                long from = Long.parseLong(ends[0]);
                long to = Long.parseLong(ends[1]);
                if (to < from || to - from >= 100_000) {
                    throw new IllegalArgumentException("`" + value + "` in `" + spec + "`: a range runs upwards, at"
                            + " most 100000 values");
                }
                for (long v = from; v <= to; v++) {
                    values.add(Long.toString(v));
                }
            } else if (value.isEmpty()) {
                throw new IllegalArgumentException("`" + spec + "` has an empty value");
            } else {
                values.add(value);
            }
        }
        return new Axis(path, values);
    }

    /** Every combination, the first axis varying slowest. */
    public List<Task> tasks() {
        List<List<Overrides.Assignment>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (Axis axis : axes) {
            List<List<Overrides.Assignment>> next = new ArrayList<>();
            for (List<Overrides.Assignment> prefix : combinations) {
                for (String value : axis.values()) {
                    List<Overrides.Assignment> combination = new ArrayList<>(prefix);
                    combination.add(new Overrides.Assignment(axis.path(), value));
                    next.add(combination);
                }
            }
            combinations = next;
        }
        return combinations.stream().map(Task::new).toList();
    }
}
