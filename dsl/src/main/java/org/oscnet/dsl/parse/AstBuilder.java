package org.oscnet.dsl.parse;

import java.math.BigInteger;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.SourceFile;
import org.oscnet.dsl.diag.Span;
import org.oscnet.dsl.grammar.OscParser;
import org.oscnet.dsl.grammar.OscParserBaseVisitor;

/**
 * Turns a parse tree without syntax errors into the {@link Ast}. Literal values are decoded
 * here (hex, digit separators); a literal too large to hold is reported, not thrown.
 */
final class AstBuilder extends OscParserBaseVisitor<Object> {
    private final SourceFile source;
    private final Diagnostics diagnostics;

    AstBuilder(SourceFile source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    Ast.File build(OscParser.OscFileContext tree) {
        return new Ast.File(source, tree.declaration().stream().map(d -> (Ast.Declaration) visit(d)).toList());
    }

    // ---- Declarations ------------------------------------------------------------------------

    @Override
    public Ast.Declaration visitDatasetDeclaration(OscParser.DatasetDeclarationContext ctx) {
        return new Ast.DatasetDecl(name(ctx.name), statements(ctx.datasetStatement()), span(ctx));
    }

    @Override
    public Ast.Declaration visitNetworkDeclaration(OscParser.NetworkDeclarationContext ctx) {
        return new Ast.NetworkDecl(name(ctx.name), name(ctx.family), statements(ctx.networkStatement()), span(ctx));
    }

    @Override
    public Ast.Declaration visitTrainDeclaration(OscParser.TrainDeclarationContext ctx) {
        return new Ast.TrainDecl(name(ctx.network), name(ctx.dataset), statements(ctx.trainStatement()), span(ctx));
    }

    @Override
    public Ast.Declaration visitHardwareDeclaration(OscParser.HardwareDeclarationContext ctx) {
        return new Ast.HardwareDecl(name(ctx.network), statements(ctx.hardwareStatement()), span(ctx));
    }

    private List<Ast.Statement> statements(List<? extends ParserRuleContext> contexts) {
        return contexts.stream().map(c -> (Ast.Statement) visit(c)).toList();
    }

    // ---- Dataset -----------------------------------------------------------------------------

    @Override
    public Ast.Statement visitFileStatement(OscParser.FileStatementContext ctx) {
        String labels = ctx.labels == null ? null : unquote(ctx.labels.getText());
        return new Ast.FileStmt(unquote(ctx.path.getText()), span(ctx.path), ctx.HEADER() != null && ctx.noHeader == null,
                labels, ctx.labels == null ? null : span(ctx.labels), span(ctx));
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replaceAll("\\\\(.)", "$1");
    }

    @Override
    public Ast.Statement visitFeaturesStatement(OscParser.FeaturesStatementContext ctx) {
        return new Ast.FeaturesStmt(ctx.columnRange().stream().map(this::indexRange).toList(), span(ctx));
    }

    @Override
    public Ast.Statement visitLabelStatement(OscParser.LabelStatementContext ctx) {
        return new Ast.LabelStmt(integer(ctx.column), ctx.identifier().stream().map(this::name).toList(), span(ctx));
    }

    @Override
    public Ast.Statement visitSplitStatement(OscParser.SplitStatementContext ctx) {
        return new Ast.SplitStmt(ctx.PER() != null, ctx.shuffleSeed == null ? null : integer(ctx.shuffleSeed),
                ctx.splitPart().stream().map(p -> (Ast.SplitPart) visit(p)).toList(), span(ctx));
    }

    @Override
    public Ast.SplitPart visitCountedPart(OscParser.CountedPartContext ctx) {
        Ast.SplitKind kind = ctx.FIRST() != null ? Ast.SplitKind.FIRST : Ast.SplitKind.NEXT;
        double value = number(ctx.count);
        Span countSpan = span(ctx.count);
        Ast.Quantity count = ctx.PERCENT() != null
                ? new Ast.Quantity(value, isIntegral(ctx.count), "%", countSpan.through(span(ctx.PERCENT())), span(ctx.PERCENT()))
                : new Ast.Quantity(value, isIntegral(ctx.count), "", countSpan, countSpan);
        return new Ast.SplitPart(kind, count, subset(ctx.subset()), span(ctx));
    }

    @Override
    public Ast.SplitPart visitRemainderPart(OscParser.RemainderPartContext ctx) {
        Ast.SplitKind kind = ctx.REST() != null ? Ast.SplitKind.REST : Ast.SplitKind.ALL;
        return new Ast.SplitPart(kind, null, subset(ctx.subset()), span(ctx));
    }

    private static Ast.Subset subset(OscParser.SubsetContext ctx) {
        return ctx.TRAIN() != null ? Ast.Subset.TRAIN : Ast.Subset.TEST;
    }

    @Override
    public Ast.Statement visitMissingStatement(OscParser.MissingStatementContext ctx) {
        return new Ast.MissingStmt(span(ctx));
    }

    @Override
    public Ast.Statement visitScaleStatement(OscParser.ScaleStatementContext ctx) {
        return new Ast.ScaleStmt(ctx.source == null ? null : range(ctx.source), range(ctx.target), span(ctx));
    }

    // ---- Network -----------------------------------------------------------------------------

    @Override
    public Ast.Statement visitOscillatorsStatement(OscParser.OscillatorsStatementContext ctx) {
        return new Ast.CountSetting("oscillators", integer(ctx.INT().getSymbol()), span(ctx));
    }

    @Override
    public Ast.Statement visitCouplingStatement(OscParser.CouplingStatementContext ctx) {
        return new Ast.QuantitySetting("coupling", quantity(ctx.quantity()), span(ctx));
    }

    @Override
    public Ast.Statement visitTuningStatement(OscParser.TuningStatementContext ctx) {
        return new Ast.RangeSetting("tuning", range(ctx.range()), span(ctx));
    }

    @Override
    public Ast.Statement visitInputStatement(OscParser.InputStatementContext ctx) {
        return new Ast.InputStmt(name(ctx.source.dataset), (Ast.InputMapping) visit(ctx.inputMapping()), span(ctx));
    }

    @Override
    public Ast.InputMapping visitLinearFrequencyInput(OscParser.LinearFrequencyInputContext ctx) {
        return new Ast.LinearFrequency(span(ctx));
    }

    @Override
    public Ast.InputMapping visitDirectFrequencyInput(OscParser.DirectFrequencyInputContext ctx) {
        return new Ast.DirectFrequency(ctx.indexList().columnRange().stream().map(this::indexRange).toList(), span(ctx));
    }

    @Override
    public Ast.InputMapping visitSequenceInput(OscParser.SequenceInputContext ctx) {
        return new Ast.SequenceInput(quantity(ctx.quantity()), span(ctx));
    }

    @Override
    public Ast.InputMapping visitPhaseInput(OscParser.PhaseInputContext ctx) {
        return new Ast.PhaseInput(range(ctx.range()), span(ctx));
    }

    @Override
    public Ast.Statement visitOutputStatement(OscParser.OutputStatementContext ctx) {
        return new Ast.OutputStmt((Ast.OutputMapping) visit(ctx.outputMapping()), span(ctx));
    }

    @Override
    public Ast.OutputMapping visitPairOutput(OscParser.PairOutputContext ctx) {
        OscParser.ClassRefContext label = ctx.classRef();
        return new Ast.PairOutput(integer(ctx.first), integer(ctx.second),
                new Ast.Name(label.getText(), span(label)), span(ctx));
    }

    @Override
    public Ast.OutputMapping visitSoftmaxOutput(OscParser.SoftmaxOutputContext ctx) {
        return new Ast.SoftmaxOutput(span(ctx));
    }

    @Override
    public Ast.OutputMapping visitPhaseOutput(OscParser.PhaseOutputContext ctx) {
        return new Ast.PhaseOutput(quantity(ctx.target), quantity(ctx.others), span(ctx));
    }

    @Override
    public Ast.Statement visitLayersStatement(OscParser.LayersStatementContext ctx) {
        return new Ast.LayersStmt(ctx.INT().stream().map(t -> integer(t.getSymbol())).toList(), span(ctx));
    }

    @Override
    public Ast.Statement visitUnitsStatement(OscParser.UnitsStatementContext ctx) {
        return new Ast.CountSetting("units", integer(ctx.INT().getSymbol()), span(ctx));
    }

    @Override
    public Ast.Statement visitConnectStatement(OscParser.ConnectStatementContext ctx) {
        String how = ctx.LAYERED() != null ? "layered" : "all to all";
        return new Ast.WordSetting("connect", new Ast.Name(how, span(ctx).through(span(ctx.SEMI()))), span(ctx));
    }

    @Override
    public Ast.Statement visitDensityStatement(OscParser.DensityStatementContext ctx) {
        return new Ast.DensityStmt(plain(ctx.number()), options(ctx.optionList()), span(ctx));
    }

    @Override
    public Ast.Statement visitNeuronStatement(OscParser.NeuronStatementContext ctx) {
        return new Ast.NeuronStmt(name(ctx.identifier()), options(ctx.optionList()), span(ctx));
    }

    @Override
    public Ast.Statement visitIntegratorStatement(OscParser.IntegratorStatementContext ctx) {
        return new Ast.WordSetting("integrator", name(ctx.identifier()), span(ctx));
    }

    @Override
    public Ast.Statement visitTauStatement(OscParser.TauStatementContext ctx) {
        return new Ast.QuantitySetting("tau", quantity(ctx.quantity()), span(ctx));
    }

    @Override
    public Ast.Statement visitGainStatement(OscParser.GainStatementContext ctx) {
        return new Ast.QuantitySetting("gain", quantity(ctx.quantity()), span(ctx));
    }

    @Override
    public Ast.Statement visitHighpassStatement(OscParser.HighpassStatementContext ctx) {
        return new Ast.QuantitySetting("highpass", quantity(ctx.quantity()), span(ctx));
    }

    @Override
    public Ast.Statement visitDispersionStatement(OscParser.DispersionStatementContext ctx) {
        return new Ast.QuantitySetting("dispersion", quantity(ctx.quantity()), span(ctx));
    }

    @Override
    public Ast.Statement visitAmplitudeStatement(OscParser.AmplitudeStatementContext ctx) {
        return new Ast.QuantitySetting("amplitude", quantity(ctx.quantity()), span(ctx));
    }

    @Override
    public Ast.Statement visitSimulateBlock(OscParser.SimulateBlockContext ctx) {
        return new Ast.SimulateBlock(statements(ctx.simulateStatement()), span(ctx));
    }

    @Override
    public Ast.Statement visitStepStatement(OscParser.StepStatementContext ctx) {
        return new Ast.QuantitySetting("step", quantity(ctx.quantity()), span(ctx));
    }

    @Override
    public Ast.Statement visitDurationStatement(OscParser.DurationStatementContext ctx) {
        return new Ast.QuantitySetting("duration", quantity(ctx.quantity()), span(ctx));
    }

    @Override
    public Ast.Statement visitReadoutStatement(OscParser.ReadoutStatementContext ctx) {
        return new Ast.QuantitySetting("readout", quantity(ctx.quantity()), span(ctx));
    }

    @Override
    public Ast.Statement visitPhasesStatement(OscParser.PhasesStatementContext ctx) {
        Token word = ctx.RANDOM() != null ? ctx.RANDOM().getSymbol() : ctx.ZERO().getSymbol();
        return new Ast.WordSetting("phases", new Ast.Name(word.getText(), span(word)), span(ctx));
    }

    @Override
    public Ast.Statement visitNoiseStatement(OscParser.NoiseStatementContext ctx) {
        return new Ast.QuantitySetting("noise", quantity(ctx.quantity()), span(ctx));
    }

    @Override
    public Ast.Statement visitToleranceStatement(OscParser.ToleranceStatementContext ctx) {
        return new Ast.QuantitySetting("tolerance", quantity(ctx.quantity()), span(ctx));
    }

    // ---- Training ----------------------------------------------------------------------------

    @Override
    public Ast.Statement visitMethodStatement(OscParser.MethodStatementContext ctx) {
        return new Ast.MethodStmt(ctx.identifier().stream().map(this::name).toList(), options(ctx.optionList()), span(ctx));
    }

    @Override
    public Ast.Statement visitOptimizerStatement(OscParser.OptimizerStatementContext ctx) {
        return new Ast.OptimizerStmt(name(ctx.identifier()), options(ctx.optionList()), span(ctx));
    }

    @Override
    public Ast.Statement visitIterationsStatement(OscParser.IterationsStatementContext ctx) {
        return new Ast.CountSetting("iterations", integer(ctx.INT().getSymbol()), span(ctx));
    }

    @Override
    public Ast.Statement visitEpochsStatement(OscParser.EpochsStatementContext ctx) {
        return new Ast.CountSetting("epochs", integer(ctx.INT().getSymbol()), span(ctx));
    }

    @Override
    public Ast.Statement visitBatchStatement(OscParser.BatchStatementContext ctx) {
        Ast.IntLiteral size = ctx.INT() == null ? null : integer(ctx.INT().getSymbol());
        return new Ast.BatchStmt(size, ctx.PER() != null, span(ctx));
    }

    @Override
    public Ast.Statement visitSeedStatement(OscParser.SeedStatementContext ctx) {
        return new Ast.CountSetting("seed", integer(ctx.INT().getSymbol()), span(ctx));
    }

    @Override
    public Ast.Statement visitRestartsStatement(OscParser.RestartsStatementContext ctx) {
        return new Ast.CountSetting("restarts", integer(ctx.INT().getSymbol()), span(ctx));
    }

    @Override
    public Ast.Statement visitTestEveryStatement(OscParser.TestEveryStatementContext ctx) {
        return new Ast.CountSetting("test every", integer(ctx.INT().getSymbol()), span(ctx));
    }

    // ---- Hardware ----------------------------------------------------------------------------

    @Override
    public Ast.Statement visitVerilogBlock(OscParser.VerilogBlockContext ctx) {
        return new Ast.TargetBlock("verilog", statements(ctx.verilogStatement()), span(ctx));
    }

    @Override
    public Ast.Statement visitDacBlock(OscParser.DacBlockContext ctx) {
        return new Ast.TargetBlock("dac", statements(ctx.dacStatement()), span(ctx));
    }

    @Override
    public Ast.Statement visitSpiceBlock(OscParser.SpiceBlockContext ctx) {
        return new Ast.TargetBlock("spice", statements(ctx.spiceStatement()), span(ctx));
    }

    @Override
    public Ast.Statement visitSineTableStatement(OscParser.SineTableStatementContext ctx) {
        return new Ast.SineTableStmt(integer(ctx.entries), integer(ctx.width), span(ctx));
    }

    @Override
    public Ast.Statement visitClockStatement(OscParser.ClockStatementContext ctx) {
        return new Ast.QuantitySetting("clock", quantity(ctx.quantity()), span(ctx));
    }

    @Override
    public Ast.Statement visitLanesStatement(OscParser.LanesStatementContext ctx) {
        return new Ast.CountSetting("lanes", integer(ctx.INT().getSymbol()), span(ctx));
    }

    @Override
    public Ast.Statement visitInputFormStatement(OscParser.InputFormStatementContext ctx) {
        return new Ast.WordSetting("input", name(ctx.identifier()), span(ctx));
    }

    @Override
    public Ast.Statement visitPipelineStatement(OscParser.PipelineStatementContext ctx) {
        return new Ast.CountSetting("pipeline", integer(ctx.INT().getSymbol()), span(ctx));
    }

    @Override
    public Ast.Statement visitAutoWidthsStatement(OscParser.AutoWidthsStatementContext ctx) {
        return new Ast.AutoWidthsStmt(options(ctx.optionList()), span(ctx));
    }

    @Override
    public Ast.Statement visitWidthStatement(OscParser.WidthStatementContext ctx) {
        return new Ast.WidthStmt(name(ctx.signal), integer(ctx.INT().getSymbol()), span(ctx));
    }

    @Override
    public Ast.Statement visitDacBitsStatement(OscParser.DacBitsStatementContext ctx) {
        return new Ast.CountSetting("bits", integer(ctx.INT().getSymbol()), span(ctx));
    }

    @Override
    public Ast.Statement visitFullScaleStatement(OscParser.FullScaleStatementContext ctx) {
        return new Ast.QuantitySetting("full scale", quantity(ctx.quantity()), span(ctx));
    }

    @Override
    public Ast.Statement visitDacFrequencyStatement(OscParser.DacFrequencyStatementContext ctx) {
        return new Ast.QuantitySetting("frequency", quantity(ctx.quantity()), span(ctx));
    }

    @Override
    public Ast.Statement visitDeviceStatement(OscParser.DeviceStatementContext ctx) {
        return new Ast.DeviceStmt(name(ctx.identifier()), options(ctx.optionList()), span(ctx));
    }

    @Override
    public Ast.Statement visitLevelStatement(OscParser.LevelStatementContext ctx) {
        return new Ast.WordSetting("level", name(ctx.identifier()), span(ctx));
    }

    @Override
    public Ast.Statement visitSpiceStepStatement(OscParser.SpiceStepStatementContext ctx) {
        return new Ast.QuantitySetting("step", quantity(ctx.quantity()), span(ctx));
    }

    // ---- Shared pieces -----------------------------------------------------------------------

    private List<Ast.Option> options(OscParser.OptionListContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        return ctx.option().stream().map(o -> new Ast.Option(name(o.key), o.value() == null ? null : value(o.value()), span(o)))
                .toList();
    }

    private Ast.Value value(OscParser.ValueContext ctx) {
        if (ctx.quantity() != null) {
            return new Ast.QuantityValue(quantity(ctx.quantity()));
        }
        if (ctx.identifier() != null) {
            return new Ast.NameValue(name(ctx.identifier()));
        }
        String quoted = ctx.STRING().getText();
        return new Ast.StringValue(quoted.substring(1, quoted.length() - 1), span(ctx));
    }

    private Ast.Range range(OscParser.RangeContext ctx) {
        return new Ast.Range(quantity(ctx.low), quantity(ctx.high), span(ctx));
    }

    private Ast.Quantity quantity(OscParser.QuantityContext ctx) {
        double value = number(ctx.number());
        Span numberSpan = span(ctx.number());
        if (ctx.unit != null) {
            return new Ast.Quantity(value, isIntegral(ctx.number()), ctx.unit.getText(), span(ctx), span(ctx.unit));
        }
        if (ctx.PERCENT() != null) {
            return new Ast.Quantity(value, isIntegral(ctx.number()), "%", span(ctx), span(ctx.PERCENT()));
        }
        return new Ast.Quantity(value, isIntegral(ctx.number()), "", numberSpan, numberSpan);
    }

    /** A number written without a unit, as a quantity. */
    private Ast.Quantity plain(OscParser.NumberContext ctx) {
        Span s = span(ctx);
        return new Ast.Quantity(number(ctx), isIntegral(ctx), "", s, s);
    }

    private static boolean isIntegral(OscParser.NumberContext ctx) {
        return ctx.INT() != null;
    }

    private double number(OscParser.NumberContext ctx) {
        double magnitude;
        if (ctx.INT() != null) {
            magnitude = integer(ctx.INT().getSymbol()).value();
        } else {
            magnitude = Double.parseDouble(ctx.FLOAT().getText().replace("_", ""));
            if (Double.isInfinite(magnitude)) {
                diagnostics.error(span(ctx), "number `" + ctx.getText() + "` is too large");
            }
        }
        return ctx.MINUS() != null ? -magnitude : magnitude;
    }

    private Ast.IntLiteral integer(Token token) {
        String text = token.getText().replace("_", "");
        BigInteger value = text.startsWith("0x") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
        if (value.bitLength() > 62) {
            diagnostics.error(span(token), "number `" + token.getText() + "` is too large");
            return new Ast.IntLiteral(0, span(token));
        }
        return new Ast.IntLiteral(value.longValue(), span(token));
    }

    private Ast.IndexRange indexRange(OscParser.ColumnRangeContext ctx) {
        Ast.IntLiteral first = integer(ctx.first);
        Ast.IntLiteral last = ctx.last == null ? first : integer(ctx.last);
        return new Ast.IndexRange(first, last, span(ctx));
    }

    private Ast.Name name(OscParser.IdentifierContext ctx) {
        return new Ast.Name(ctx.getText(), span(ctx));
    }

    // ---- Positions ---------------------------------------------------------------------------

    private Span span(Token token) {
        return new Span(source, token.getLine(), token.getCharPositionInLine() + 1,
                token.getStopIndex() - token.getStartIndex() + 1);
    }

    private Span span(TerminalNode node) {
        return span(node.getSymbol());
    }

    /** From the first token of {@code ctx} to its last, or to the end of its first line. */
    private Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop() == null ? start : ctx.getStop();
        int length = stop.getLine() == start.getLine()
                ? stop.getStopIndex() - start.getStartIndex() + 1
                : source.line(start.getLine()).length() - start.getCharPositionInLine();
        return new Span(source, start.getLine(), start.getCharPositionInLine() + 1, length);
    }
}
