package org.oscnet.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.SourceFile;
import org.oscnet.dsl.diag.Span;
import org.oscnet.dsl.parse.OscSyntax;

/**
 * Variants of an {@code .osc} file for sweeps: {@code train.lr=0.01} replaces the value of every
 * setting or option named {@code lr} inside a {@code train} block, in the source text, so the
 * variant goes through the same parser and checker as the file itself (a value of the wrong
 * dimension is reported where it lands). A path is the setting's keyword (or a width's signal
 * name, or an option's key), optionally after the names of the blocks around it, outermost
 * first: a declaration kind ({@code dataset}, {@code network}, {@code train}, {@code hardware})
 * or its name, {@code simulate}, {@code verilog}, {@code dac}, {@code spice}, {@code optimizer},
 * {@code method}, {@code density}, {@code neuron}, {@code device}, {@code widths}. The head of a
 * statement with options is a setting too ({@code density=0.3}, {@code neuron=ctrnn}), and so is
 * the period of a sequence input ({@code every=0.5 ns}). An option its statement leaves at the
 * default is added ({@code density.intra=0.5} on {@code density 0.5 (input 1)} gives
 * {@code density 0.5 (input 1, intra 0.5)}), and so is a setting its declaration leaves out
 * ({@code network.dispersion=5 %} adds {@code dispersion 5 %;} to the network); the checker then
 * says whether it belongs there.
 */
public final class Overrides {
    private Overrides() {
    }

    /** One substitution: the value text replaces the value of what {@code path} names. */
    public record Assignment(String path, String value) implements java.io.Serializable {
        @Override
        public String toString() {
            return path + "=" + value;
        }
    }

    /**
     * A value in the text, from the start of {@code first} to the end of {@code last} (one token,
     * or a list such as {@code layers 64, 20, 10}), and the blocks around it (kinds and names,
     * outermost first).
     */
    private record Site(String key, List<String> around, Span first, Span last) {
        Site(String key, List<String> around, Span value) {
            this(key, around, value, value);
        }
    }

    /**
     * Where an option that a statement does not give would go: after its last option, or, when it
     * has none, after its head in new parentheses. A path adds one only when the part before its
     * key names the statement or the block holding it ({@code density.intra}, {@code dac.spread}).
     */
    private record Slot(List<String> around, Span after, boolean hasOptions) {
        /** Whether {@code word}, just before a path's key, names the statement or the block holding it. */
        boolean namedBy(String word) {
            int n = around.size();
            return around.get(n - 1).equals(word) || (n >= 2 && around.get(n - 2).equals(word));
        }

        String insertion(String key, String value) {
            return hasOptions ? ", " + key + " " + value : " (" + key + " " + value + ")";
        }
    }

    /**
     * A declaration: its kind and name, where it starts (a new setting goes just after its opening
     * brace), and its statements.
     */
    private record Block(List<String> around, Span start, List<Ast.Statement> statements) {
    }

    /**
     * The text of {@code source} with every override applied; an override whose path names no
     * setting is reported (with the settings the file has) and the result is empty.
     */
    public static Optional<String> apply(SourceFile source, List<Assignment> overrides, Diagnostics diagnostics) {
        Optional<Ast.File> file = OscSyntax.parse(source, diagnostics);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        List<Site> sites = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (Ast.Declaration declaration : file.get().declarations()) {
            Block block = block(declaration);
            blocks.add(block);
            statements(block.statements(), block.around(), sites, slots);
        }
        record Edit(int start, int end, String text) {
        }
        List<Edit> edits = new ArrayList<>();
        boolean ok = true;
        for (Assignment override : overrides) {
            List<String> path = List.of(override.path().split("\\."));
            List<Site> hits = sites.stream().filter(s -> matches(s, path)).toList();
            List<Slot> open = path.size() < 2 ? List.of()
                    : slots.stream().filter(s -> s.namedBy(path.get(path.size() - 2))
                            && matches(s.around(), path.subList(0, path.size() - 1))).toList();
            if (hits.isEmpty() && !open.isEmpty()) {
                for (Slot slot : open) {
                    int at = source.offsetOf(slot.after().line(), slot.after().column()) + slot.after().length();
                    edits.add(new Edit(at, at, slot.insertion(path.get(path.size() - 1), override.value())));
                }
                continue;
            }
            List<Block> declared = path.size() < 2 || !hits.isEmpty() ? List.of() : blocks.stream()
                    .filter(b -> b.around().contains(path.get(path.size() - 2))
                            && matches(b.around(), path.subList(0, path.size() - 1))).toList();
            List<Edit> added = new ArrayList<>();
            for (Block block : declared) {
                int brace = source.text().indexOf('{', source.offsetOf(block.start().line(), block.start().column()));
                String statement = " " + path.get(path.size() - 1) + " " + override.value() + ";";
                // only a statement the grammar takes in that block: a misspelt key stays an unknown setting
                String trial = new StringBuilder(source.text()).insert(brace + 1, statement).toString();
                if (OscSyntax.parse(new SourceFile(source.path(), source.displayName(), trial), new Diagnostics())
                        .isPresent()) {
                    added.add(new Edit(brace + 1, brace + 1, statement));
                }
            }
            if (!added.isEmpty()) {
                edits.addAll(added);
                continue;
            }
            if (hits.isEmpty()) {
                TreeSet<String> known = new TreeSet<>();
                sites.forEach(s -> known.add(String.join(".", s.around().stream().filter(Overrides::isKind).toList())
                        + "." + s.key()));
                diagnostics.fileError("--over " + override, source.displayName() + " has no setting `"
                        + override.path() + "`; it has " + String.join(", ", known));
                ok = false;
                continue;
            }
            for (Site hit : hits) {
                int start = source.offsetOf(hit.first().line(), hit.first().column());
                int end = source.offsetOf(hit.last().line(), hit.last().column()) + hit.last().length();
                edits.add(new Edit(start, end, override.value()));
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(source.text());
        edits.stream().sorted(Comparator.comparingInt(Edit::start).reversed())
                .forEach(e -> text.replace(e.start(), e.end(), e.text()));
        return Optional.of(text.toString());
    }

    /**
     * The blocks around each setting {@code path} names in {@code source}, outermost first: the
     * declaration's kind and name, then the kinds of the blocks inside it ({@code [hardware,
     * versicolor, verilog]} for {@code phase} in a verilog block); empty when it names none or the
     * file does not parse.
     */
    public static List<List<String>> blocksOf(SourceFile source, String path) {
        Optional<Ast.File> file = OscSyntax.parse(source, new Diagnostics());
        List<List<String>> blocks = new ArrayList<>();
        if (file.isPresent()) {
            List<Site> sites = new ArrayList<>();
            for (Ast.Declaration declaration : file.get().declarations()) {
                Block block = block(declaration);
                statements(block.statements(), block.around(), sites, new ArrayList<>());
            }
            List<String> parts = List.of(path.split("\\."));
            sites.stream().filter(s -> matches(s, parts))
                    .forEach(s -> blocks.add(s.around()));
        }
        return blocks;
    }

    private static final List<String> KINDS = List.of("dataset", "network", "train", "hardware", "simulate",
            "verilog", "dac", "spice", "optimizer", "method", "density", "neuron", "device", "widths");

    private static boolean isKind(String word) {
        return KINDS.contains(word);
    }

    /** The path's last part is the key; the parts before it appear, in order, among the blocks around. */
    private static boolean matches(Site site, List<String> path) {
        return site.key().equals(path.get(path.size() - 1)) && matches(site.around(), path.subList(0, path.size() - 1));
    }

    /** Whether every qualifier appears, in order, among the blocks {@code around}. */
    private static boolean matches(List<String> around, List<String> qualifiers) {
        int at = 0;
        for (String qualifier : qualifiers) {
            while (at < around.size() && !around.get(at).equals(qualifier)) {
                at++;
            }
            if (at++ >= around.size()) {
                return false;
            }
        }
        return true;
    }

    private static Block block(Ast.Declaration declaration) {
        if (declaration instanceof Ast.DatasetDecl d) {
            return new Block(List.of("dataset", d.name().text()), d.span(), d.statements());
        } else if (declaration instanceof Ast.NetworkDecl n) {
            return new Block(List.of("network", n.name().text()), n.span(), n.statements());
        } else if (declaration instanceof Ast.TrainDecl t) {
            return new Block(List.of("train", t.network().text()), t.span(), t.statements());
        }
        Ast.HardwareDecl h = (Ast.HardwareDecl) declaration;
        return new Block(List.of("hardware", h.network().text()), h.span(), h.statements());
    }

    private static void statements(List<Ast.Statement> statements, List<String> around, List<Site> sites,
            List<Slot> slots) {
        for (Ast.Statement statement : statements) {
            if (statement instanceof Ast.CountSetting c) {
                sites.add(new Site(c.keyword(), around, c.value().span()));
            } else if (statement instanceof Ast.QuantitySetting q) {
                sites.add(new Site(q.keyword(), around, q.value().span()));
            } else if (statement instanceof Ast.WordSetting w) {
                sites.add(new Site(w.keyword(), around, w.value().span()));
            } else if (statement instanceof Ast.LayersStmt l) {
                sites.add(new Site("layers", around, l.sizes().get(0).span(),
                        l.sizes().get(l.sizes().size() - 1).span()));
            } else if (statement instanceof Ast.WidthStmt w) {
                sites.add(new Site(w.signal().text(), around, w.bits().span()));
            } else if (statement instanceof Ast.InputStmt i && i.mapping() instanceof Ast.SequenceInput q) {
                sites.add(new Site("every", around, q.period().span()));
            } else if (statement instanceof Ast.SimulateBlock b) {
                statements(b.statements(), inside(around, "simulate"), sites, slots);
            } else if (statement instanceof Ast.TargetBlock b) {
                statements(b.statements(), inside(around, b.keyword()), sites, slots);
            } else if (statement instanceof Ast.OptimizerStmt o) {
                options(o.options(), inside(around, "optimizer"), o.name().span(), sites, slots);
            } else if (statement instanceof Ast.MethodStmt m) {
                options(m.options(), inside(around, "method"), m.words().get(m.words().size() - 1).span(), sites,
                        slots);
            } else if (statement instanceof Ast.DensityStmt d) {
                sites.add(new Site("density", around, d.value().span()));
                options(d.options(), inside(around, "density"), d.value().span(), sites, slots);
            } else if (statement instanceof Ast.NeuronStmt n) {
                sites.add(new Site("neuron", around, n.model().span()));
                options(n.options(), inside(around, "neuron"), n.model().span(), sites, slots);
            } else if (statement instanceof Ast.DeviceStmt d) {
                options(d.options(), inside(around, "device"), d.model().span(), sites, slots);
            } else if (statement instanceof Ast.AutoWidthsStmt a) {
                options(a.options(), inside(around, "widths"), null, sites, slots);
            }
        }
    }

    /** Each option with a value is a site; {@code head} (null: none) is where a first option would follow. */
    private static void options(List<Ast.Option> options, List<String> around, Span head, List<Site> sites,
            List<Slot> slots) {
        for (Ast.Option option : options) {
            if (option.value() != null) {
                sites.add(new Site(option.key().text(), around, option.value().span()));
            }
        }
        if (!options.isEmpty()) {
            slots.add(new Slot(around, options.get(options.size() - 1).span(), true));
        } else if (head != null) {
            slots.add(new Slot(around, head, false));
        }
    }

    private static List<String> inside(List<String> around, String block) {
        List<String> deeper = new ArrayList<>(around);
        deeper.add(block);
        return List.copyOf(deeper);
    }
}
