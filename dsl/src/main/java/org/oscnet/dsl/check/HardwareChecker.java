package org.oscnet.dsl.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.Span;
import org.oscnet.dsl.diag.Suggestions;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Network;

/**
 * Checks a {@code hardware} block: which targets suit the network's family, and each target's
 * widths, clock, DAC and device parameters. Widths left out are the quantizer's to choose.
 */
final class HardwareChecker {
    static final List<String> SIGNALS = List.of("phase", "input", "weight", "frequency", "coupling", "accumulator");
    private static final List<String> DEVICE_OPTIONS = List.of("f0", "nonlinearity", "threshold", "q", "damping",
            "spread");

    private final Diagnostics diagnostics;

    HardwareChecker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Checks the block; without its network (which failed its own checks) nothing is returned. */
    Optional<HardwareTarget> check(Ast.HardwareDecl decl, Optional<Network> maybeNetwork) {
        long errorsBefore = diagnostics.errorCount();
        Network network = maybeNetwork.orElse(null);
        Block block = new Block("the hardware of `" + decl.network().text() + "`", decl.network().span(), decl.statements(),
                Set.of("verilog", "dac", "spice"), "does not belong in a hardware block", diagnostics);
        Optional<HardwareTarget.Verilog> verilog = block.get("verilog", Ast.TargetBlock.class)
                .filter(t -> suits(t, network, Set.of("kuramoto", "xy")))
                .map(t -> verilog(t, network));
        boolean envelopes = network != null && network.family().equals("stuart_landau");
        Optional<HardwareTarget.Dac> dac = block.get("dac", Ast.TargetBlock.class)
                .filter(t -> suits(t, network, Set.of("kuramoto", "stno_rnn", "stuart_landau")))
                .map(t -> dac(t, network));
        Optional<HardwareTarget.Spice> spice = block.get("spice", Ast.TargetBlock.class)
                .filter(t -> suits(t, network, Set.of("kuramoto", "stno_rnn", "stuart_landau")))
                .map(t -> envelopes ? envelopeSpice(t) : spice(t));
        if (spice.isPresent() && !envelopes && dac.isEmpty() && block.get("dac", Ast.TargetBlock.class).isEmpty()) {
            diagnostics.error(block.get("spice", Ast.TargetBlock.class).orElseThrow().span(),
                    "a spice block needs a dac block beside it: the netlists are biased by its codes; add e.g."
                            + " `dac { bits 10; full scale 8 mA; device stno (f0 480 MHz); }`");
        }
        if (diagnostics.errorCount() > errorsBefore || network == null) {
            return Optional.empty();
        }
        return Optional.of(new HardwareTarget(network.name(), verilog, dac, spice));
    }

    private boolean suits(Ast.TargetBlock target, Network network, Set<String> families) {
        if (network == null || families.contains(network.family())) {
            return true;
        }
        diagnostics.error(target.span(), "`" + target.keyword() + "` is emitted for " + String.join(" and ",
                families.stream().sorted().toList()) + " networks; `" + network.name() + "` is a " + network.family()
                + " network");
        return false;
    }

    private HardwareTarget.Verilog verilog(Ast.TargetBlock target, Network network) {
        Map<String, Integer> widths = new LinkedHashMap<>();
        Map<String, Span> widthSpans = new LinkedHashMap<>();
        for (Ast.Statement statement : target.statements()) {
            if (statement instanceof Ast.WidthStmt width) {
                String signal = width.signal().text();
                if (!SIGNALS.contains(signal)) {
                    diagnostics.error(width.signal().span(), Suggestions.withHint("unknown signal `" + signal
                            + "`; widths can be given for " + String.join(", ", SIGNALS), signal, SIGNALS));
                } else if (widthSpans.putIfAbsent(signal, width.span()) != null) {
                    diagnostics.error(width.span(), "the width of `" + signal + "` is given twice; the first is on line "
                            + widthSpans.get(signal).line());
                } else if (Values.checkRange(width.bits().value(), 1, 64, "a width", width.bits().span(), diagnostics)) {
                    widths.put(signal, (int) width.bits().value());
                }
            }
        }
        List<Ast.Statement> rest = target.statements().stream().filter(s -> !(s instanceof Ast.WidthStmt)).toList();
        Block block = new Block("the verilog target", target.span(), rest,
                Set.of("sine table", "clock", "lanes", "pipeline", "widths auto", "input"), "does not belong in a verilog block", diagnostics);
        int sineEntries = 256;
        int sineBits = 12;
        Optional<Ast.SineTableStmt> sine = block.get("sine table", Ast.SineTableStmt.class);
        if (sine.isPresent()) {
            long entries = sine.get().entries().value();
            if (entries < 4 || entries > 65536 || Long.bitCount(entries) != 1) {
                diagnostics.error(sine.get().entries().span(), "the sine table needs a power-of-two number of entries "
                        + "from 4 to 65536, not " + entries);
            } else {
                sineEntries = (int) entries;
            }
            if (Values.checkRange(sine.get().bits().value(), 2, 32, "the sine width", sine.get().bits().span(),
                    diagnostics)) {
                sineBits = (int) sine.get().bits().value();
            }
        }
        double clock = block.quantity("clock", Dimension.FREQUENCY, 100e6, Values.positive());
        // a Kuramoto array updates every oscillator at once by default; an xy array has one lane
        int units = network instanceof KuramotoNetwork k ? k.oscillators() : 1 << 16;
        int lanes = (int) block.count("lanes", network instanceof KuramotoNetwork ? units : 1, 1, units);
        // register stages in each lane's update: each adds a cycle per step and shortens the clock period
        int pipeline = (int) block.count("pipeline", 0, 0, HardwareTarget.Verilog.MAX_PIPELINE);
        Optional<Ast.AutoWidthsStmt> auto = block.get("widths auto", Ast.AutoWidthsStmt.class);
        double maxLoss = auto.map(a -> new OptionSet(a.options(), List.of("loss"), "`widths auto`", diagnostics)
                .quantity("loss", Dimension.NONE, 0.01, Values.between(0, 1, "between 0 and 100 %"))).orElse(0.01);
        return new HardwareTarget.Verilog(widths, auto.isPresent(), maxLoss, sineEntries, sineBits, clock, lanes,
                pipeline, rawInput(block, network));
    }

    /**
     * {@code input raw;}: the core takes the file's feature values and the dataset's scaling is
     * folded into the encoder's weights and biases; {@code input scaled;} (the default) takes
     * features scaled as training saw them.
     */
    private boolean rawInput(Block block, Network network) {
        Optional<Ast.WordSetting> written = block.get("input", Ast.WordSetting.class);
        if (written.isEmpty()) {
            return false;
        }
        String word = written.get().value().text();
        List<String> forms = List.of("raw", "scaled");
        if (!forms.contains(word)) {
            diagnostics.error(written.get().value().span(), Suggestions.withHint("unknown input form `" + word
                    + "`; use `raw` (the file's values; the scaling is folded into the weights) or `scaled` (as"
                    + " training saw them, the default)", word, forms));
            return false;
        }
        boolean raw = word.equals("raw");
        if (raw && network != null && !(network instanceof KuramotoNetwork)) {
            diagnostics.error(written.get().span(), "`input raw` is implemented for kuramoto arrays only, not yet"
                    + " for " + network.family() + " arrays; remove it and feed scaled features as the core's README"
                    + " says");
            return false;
        }
        return raw;
    }

    /**
     * The devices' frequency in hertz ({@code frequency 980 MHz;}) is given only for networks
     * modelled in units of their mean frequency ({@code stuart_landau}).
     */
    private HardwareTarget.Dac dac(Ast.TargetBlock target, Network network) {
        Block block = new Block("the dac target", target.span(), target.statements(),
                Set.of("bits", "full scale", "device", "frequency"), "does not belong in a dac block", diagnostics);
        int bits = (int) block.count("bits", 10, 1, 24);
        double fullScale = block.quantity("full scale", Dimension.CURRENT, 8e-3, Values.positive());
        List<Ast.Option> written = List.of();
        Optional<Ast.DeviceStmt> device = block.get("device", Ast.DeviceStmt.class);
        if (device.isPresent()) {
            Ast.Name model = device.get().model();
            if (!model.text().equals("stno")) {
                diagnostics.error(model.span(), Suggestions.withHint("unknown device model `" + model.text()
                        + "`; oscnet knows stno", model.text(), List.of("stno")));
            }
            written = device.get().options();
        }
        OptionSet options = new OptionSet(written, DEVICE_OPTIONS, "device `stno`", diagnostics);
        HardwareTarget.StnoDevice stno = new HardwareTarget.StnoDevice(
                options.quantity("f0", Dimension.FREQUENCY, 480e6, Values.positive()),
                options.quantity("nonlinearity", Dimension.FREQUENCY, 2e9, Values.ANY),
                options.quantity("threshold", Dimension.CURRENT, 2e-3, Values.positive()),
                options.quantity("q", Dimension.NONE, 2.0, Values.nonNegative()),
                options.quantity("damping", Dimension.FREQUENCY, 100e6, Values.positive()),
                options.quantity("spread", Dimension.NONE, 0.0, Values.between(0, 1, "between 0 and 100 %")));
        OptionalDouble mean = OptionalDouble.empty();
        Optional<Ast.QuantitySetting> frequency = block.get("frequency", Ast.QuantitySetting.class);
        if (frequency.isPresent() && network != null && !network.family().equals("stuart_landau")) {
            diagnostics.error(frequency.get().span(), "`frequency` does not apply to the dac of " + network.family()
                    + " networks: only stuart_landau networks are modelled in units of their mean frequency, which"
                    + " it gives in hertz; remove it");
        } else if (frequency.isPresent()) {
            double hz = block.quantity("frequency", Dimension.FREQUENCY, Double.NaN, Values.positive());
            double highest = stno.f0Hz() + stno.nonlinearityHz();
            if (hz > 0 && !(hz > stno.f0Hz() && hz < highest)) {
                diagnostics.error(frequency.get().span(), "the devices cannot oscillate at " + megahertz(hz)
                        + " MHz: an STNO's frequency lies between f0 and f0 + nonlinearity (" + megahertz(stno.f0Hz())
                        + " .. " + megahertz(highest) + " MHz); choose a frequency inside, or change the device");
            } else if (hz > 0) {
                mean = OptionalDouble.of(hz);
            }
        }
        return new HardwareTarget.Dac(bits, fullScale, stno, mean);
    }

    private static String megahertz(double hz) {
        return java.math.BigDecimal.valueOf(hz / 1e6).round(new java.math.MathContext(9)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * A stuart_landau network's netlists integrate its complex envelopes in the model's own time,
     * so its spice block takes no settings.
     */
    private HardwareTarget.Spice envelopeSpice(Ast.TargetBlock target) {
        new Block("the spice target", target.span(), target.statements(), Set.of(),
                "does not apply to the netlists of a stuart_landau network (they run in the model's own time; write"
                        + " `spice { }`)", diagnostics);
        return new HardwareTarget.Spice(HardwareTarget.Spice.Level.OSCILLATOR, Double.NaN);
    }

    private HardwareTarget.Spice spice(Ast.TargetBlock target) {
        Block block = new Block("the spice target", target.span(), target.statements(), Set.of("level", "step"),
                "does not belong in a spice block", diagnostics);
        HardwareTarget.Spice.Level level = HardwareTarget.Spice.Level.PHASE;
        Optional<Ast.WordSetting> written = block.get("level", Ast.WordSetting.class);
        if (written.isPresent()) {
            String word = written.get().value().text();
            List<String> levels = List.of("phase", "oscillator");
            if (!levels.contains(word)) {
                diagnostics.error(written.get().value().span(), Suggestions.withHint("unknown spice level `" + word
                        + "`; use `phase` (phase macromodel) or `oscillator` (auto-oscillator model)", word, levels));
            } else if (word.equals("oscillator")) {
                level = HardwareTarget.Spice.Level.OSCILLATOR;
            }
        }
        double step = block.quantity("step", Dimension.TIME, 10e-12, Values.positive());
        return new HardwareTarget.Spice(level, step);
    }
}
