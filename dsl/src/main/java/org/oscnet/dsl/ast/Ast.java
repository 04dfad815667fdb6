package org.oscnet.dsl.ast;

import java.util.List;
import org.oscnet.dsl.diag.SourceFile;
import org.oscnet.dsl.diag.Span;

/**
 * The syntax tree of an .osc file, as written: names unresolved, numbers with their units as
 * spelled. Every node keeps its {@link Span} so the checker can point at it. Built by
 * {@code org.oscnet.dsl.parse.AstBuilder}; read only by the checker.
 *
 * <p>Statements that hold a single count or quantity share one node type each
 * ({@link CountSetting}, {@link QuantitySetting}), named by their keyword; the checker's
 * per-block rules say which keywords a block takes and what dimension each needs.
 */
public final class Ast {
    private Ast() {
    }

    /** A parsed file. */
    public record File(SourceFile source, List<Declaration> declarations) {
    }

    // ---- Leaves ------------------------------------------------------------------------------

    public record Name(String text, Span span) {
    }

    public record IntLiteral(long value, Span span) {
    }

    /** A number and its unit as written; {@code unit} is "" when none, "%" for percent. */
    public record Quantity(double value, boolean integral, String unit, Span span, Span unitSpan) {
        public boolean hasUnit() {
            return !unit.isEmpty();
        }
    }

    public record Range(Quantity low, Quantity high, Span span) {
    }

    /** {@code 3} or {@code 0..3}; {@code last == first} for a single index. */
    public record IndexRange(IntLiteral first, IntLiteral last, Span span) {
    }

    /** {@code key value} inside parentheses, e.g. {@code lr 0.03}; {@code value} may be null. */
    public record Option(Name key, Value value, Span span) {
    }

    /** The value of an option. */
    public sealed interface Value permits QuantityValue, NameValue, StringValue {
        Span span();
    }

    public record QuantityValue(Quantity quantity) implements Value {
        public Span span() {
            return quantity.span();
        }
    }

    public record NameValue(Name name) implements Value {
        public Span span() {
            return name.span();
        }
    }

    public record StringValue(String text, Span span) implements Value {
    }

    // ---- Declarations ------------------------------------------------------------------------

    /** A top-level block. */
    public sealed interface Declaration permits DatasetDecl, NetworkDecl, TrainDecl, HardwareDecl {
        Span span();
    }

    public record DatasetDecl(Name name, List<Statement> statements, Span span) implements Declaration {
    }

    public record NetworkDecl(Name name, Name family, List<Statement> statements, Span span) implements Declaration {
    }

    public record TrainDecl(Name network, Name dataset, List<Statement> statements, Span span) implements Declaration {
    }

    public record HardwareDecl(Name network, List<Statement> statements, Span span) implements Declaration {
    }

    // ---- Statements --------------------------------------------------------------------------

    /** One statement; {@code keyword} is how the user wrote its leading words, e.g. "full scale". */
    public sealed interface Statement {
        String keyword();

        Span span();
    }

    /** {@code oscillators 6;}, {@code iterations 100;}, {@code lanes 6;}, {@code bits 10;} ... */
    public record CountSetting(String keyword, IntLiteral value, Span span) implements Statement {
    }

    /** {@code coupling 10 MHz;}, {@code density 0.5;}, {@code step 10 ps;} ... */
    public record QuantitySetting(String keyword, Quantity value, Span span) implements Statement {
    }

    /** {@code tuning 500 MHz .. 680 MHz;} */
    public record RangeSetting(String keyword, Range value, Span span) implements Statement {
    }

    /** {@code phases random;}, {@code connect all to all;}, {@code level phase;} ... */
    public record WordSetting(String keyword, Name value, Span span) implements Statement {
    }

    // Dataset

    /** {@code file "x.csv" header;} or, for idx images, {@code file "images-idx3-ubyte.gz" labels "labels-idx1-ubyte.gz";}. */
    public record FileStmt(String path, Span pathSpan, boolean header, String labels, Span labelsSpan, Span span)
            implements Statement {
        public String keyword() {
            return "file";
        }
    }

    public record FeaturesStmt(List<IndexRange> columns, Span span) implements Statement {
        public String keyword() {
            return "features";
        }
    }

    public record LabelStmt(IntLiteral column, List<Name> classNames, Span span) implements Statement {
        public String keyword() {
            return "label";
        }
    }

    /** {@code split [per class] [shuffled seed N]: parts}; {@code shuffleSeed} null keeps file order. */
    public record SplitStmt(boolean perClass, IntLiteral shuffleSeed, List<SplitPart> parts, Span span)
            implements Statement {
        public String keyword() {
            return "split";
        }
    }

    /** {@code first 30 train}, {@code next 20 % test}, {@code rest test}, {@code all train}. */
    public record SplitPart(SplitKind kind, Quantity count, Subset subset, Span span) {
    }

    public enum SplitKind { FIRST, NEXT, REST, ALL }

    public enum Subset { TRAIN, TEST }

    public record ScaleStmt(Range from, Range to, Span span) implements Statement {
        public String keyword() {
            return "scale";
        }
    }

    /** {@code missing drop rows;}: rows with an empty, NaN or infinite feature cell are left out. */
    public record MissingStmt(Span span) implements Statement {
        public String keyword() {
            return "missing";
        }
    }

    // Network

    public record LayersStmt(List<IntLiteral> sizes, Span span) implements Statement {
        public String keyword() {
            return "layers";
        }
    }

    public record InputStmt(Name dataset, InputMapping mapping, Span span) implements Statement {
        public String keyword() {
            return "input";
        }
    }

    /** How input features drive the network. */
    public sealed interface InputMapping permits LinearFrequency, DirectFrequency, SequenceInput, PhaseInput {
        Span span();
    }

    public record LinearFrequency(Span span) implements InputMapping {
    }

    public record DirectFrequency(List<IndexRange> oscillators, Span span) implements InputMapping {
    }

    public record SequenceInput(Quantity period, Span span) implements InputMapping {
    }

    public record PhaseInput(Range phases, Span span) implements InputMapping {
    }

    public record OutputStmt(OutputMapping mapping, Span span) implements Statement {
        public String keyword() {
            return "output";
        }
    }

    /** How the network's state is read as a class. */
    public sealed interface OutputMapping permits PairOutput, SoftmaxOutput, PhaseOutput {
        Span span();
    }

    /** {@code pair (4, 5) sync when label == versicolor}; {@code label} is a class name or number. */
    public record PairOutput(IntLiteral first, IntLiteral second, Name label, Span span) implements OutputMapping {
    }

    public record SoftmaxOutput(Span span) implements OutputMapping {
    }

    public record PhaseOutput(Quantity target, Quantity others, Span span) implements OutputMapping {
    }

    /** {@code density 0.5 (inter 0.2, intra 0.5)}: connection density, optionally per kind. */
    public record DensityStmt(Quantity value, List<Option> options, Span span) implements Statement {
        public String keyword() {
            return "density";
        }
    }

    /** {@code neuron stno (q 0.5, sigma 1)}: the neuron model of a recurrent network. */
    public record NeuronStmt(Name model, List<Option> options, Span span) implements Statement {
        public String keyword() {
            return "neuron";
        }
    }

    public record SimulateBlock(List<Statement> statements, Span span) implements Statement {
        public String keyword() {
            return "simulate";
        }
    }

    // Training

    public record MethodStmt(List<Name> words, List<Option> options, Span span) implements Statement {
        public String keyword() {
            return "method";
        }

        public String methodName() {
            return String.join(" ", words.stream().map(Name::text).toList());
        }
    }

    public record OptimizerStmt(Name name, List<Option> options, Span span) implements Statement {
        public String keyword() {
            return "optimizer";
        }
    }

    /** {@code batch all;} ({@code size} null), {@code batch 120;}, {@code batch 30 per class;} */
    public record BatchStmt(IntLiteral size, boolean perClass, Span span) implements Statement {
        public String keyword() {
            return "batch";
        }
    }

    // Hardware

    /** {@code verilog { ... }}, {@code dac { ... }}, {@code spice { ... }}. */
    public record TargetBlock(String keyword, List<Statement> statements, Span span) implements Statement {
    }

    public record SineTableStmt(IntLiteral entries, IntLiteral bits, Span span) implements Statement {
        public String keyword() {
            return "sine table";
        }
    }

    public record AutoWidthsStmt(List<Option> options, Span span) implements Statement {
        public String keyword() {
            return "widths auto";
        }
    }

    /** {@code phase 16 bits;}: the width of one named signal class. */
    public record WidthStmt(Name signal, IntLiteral bits, Span span) implements Statement {
        public String keyword() {
            return signal.text() + " bits";
        }
    }

    public record DeviceStmt(Name model, List<Option> options, Span span) implements Statement {
        public String keyword() {
            return "device";
        }
    }
}
