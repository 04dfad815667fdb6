package org.oscnet.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.SourceFile;
import org.oscnet.model.Design;
import org.oscnet.model.KuramotoNetwork;

/** Overrides put values into the text where a path's setting is, and only there. */
class OverridesTest {
    private static final Path VERSICOLOR = TestFiles.root().resolve("examples/iris_versicolor.osc");

    private static String apply(String... assignments) throws IOException {
        SourceFile source = new SourceFile(VERSICOLOR, "v.osc", Files.readString(VERSICOLOR));
        List<Overrides.Assignment> list = java.util.Arrays.stream(assignments)
                .map(a -> new Overrides.Assignment(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1)))
                .toList();
        Diagnostics diagnostics = new Diagnostics();
        Optional<String> text = Overrides.apply(source, list, diagnostics);
        assertTrue(text.isPresent(), diagnostics.all().toString());
        return text.get();
    }

    private static Design check(String text) {
        Frontend.Result result = Frontend.check(new SourceFile(VERSICOLOR, "v.osc", text), new Diagnostics());
        return result.design().orElseThrow(() -> new AssertionError(result.diagnostics().toString()));
    }

    @Test
    void valuesLandInTheirSettingsAndTheVariantChecks() throws IOException {
        String text = apply("versicolor.coupling=12 MHz", "simulate.step=20 ps", "lr=0.1", "seed=7",
                "hardware.verilog.phase=14");
        assertTrue(text.contains("coupling 12 MHz;"), text);
        assertTrue(text.contains("simulate { step 20 ps;"), text);
        assertTrue(text.contains("optimizer adam (lr 0.1);"), text);
        assertTrue(text.contains("    seed 7;"), text);
        assertTrue(text.contains("verilog { phase 14 bits;"), text);
        Design design = check(text);
        KuramotoNetwork network = (KuramotoNetwork) design.networks().get(0);
        assertEquals(12e6, network.couplingHz(), 1e-3);
        assertEquals(20e-12, network.simulation().step(), 1e-24);
        assertEquals(7, design.trainings().get(0).seed());
    }

    @Test
    void aQualifierMustMatchABlockAroundTheSetting() throws IOException {
        SourceFile source = new SourceFile(VERSICOLOR, "v.osc", Files.readString(VERSICOLOR));
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(Overrides.apply(source, List.of(new Overrides.Assignment("hardware.seed", "3")), diagnostics)
                .isEmpty());
        assertEquals(1, diagnostics.all().size());
        assertTrue(diagnostics.all().get(0).message().startsWith("v.osc has no setting `hardware.seed`; it has "),
                diagnostics.all().get(0).message());
    }

    @Test
    void aListOfLayerSizesIsOneValue() throws IOException {
        Path layered = TestFiles.root().resolve("examples/digits_layered.osc");
        String original = Files.readString(layered);
        // the sizes split over two lines: the whole list, up to its last size, is replaced
        String split = original.replace("layers 64, 200, 10;", "layers 64,\n        200, 10;");
        SourceFile source = new SourceFile(layered, "d.osc", split);
        Diagnostics diagnostics = new Diagnostics();
        String text = Overrides.apply(source, List.of(new Overrides.Assignment("layers", "64, 20, 10")), diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.all().toString()));
        assertTrue(text.contains("    layers 64, 20, 10;\n    input"), text);
        assertEquals(split.length() - "64,\n        200, 10".length() + "64, 20, 10".length(), text.length());
        Frontend.Result result = Frontend.check(new SourceFile(layered, "d.osc", text), new Diagnostics());
        assertTrue(result.design().isPresent(), result.diagnostics().toString());
    }

    @Test
    void statementHeadsAndTheSequencePeriodAreSettingsAndMissingOptionsAreAdded() throws IOException {
        Path seqdigits = TestFiles.root().resolve("examples/seqdigits.osc");
        SourceFile source = new SourceFile(seqdigits, "s.osc", Files.readString(seqdigits));
        Diagnostics diagnostics = new Diagnostics();
        String text = Overrides.apply(source, List.of(new Overrides.Assignment("density", "0.3"),
                new Overrides.Assignment("density.intra", "0.4"), new Overrides.Assignment("neuron", "ctrnn"),
                new Overrides.Assignment("every", "2 ns"), new Overrides.Assignment("simulate.step", "1 ns"),
                new Overrides.Assignment("neuron.q", "0.5")), diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.all().toString()));
        assertTrue(text.contains("density 0.3 (input 1, intra 0.4);"), text);
        assertTrue(text.contains("neuron ctrnn (q 0.5);"), text);
        assertTrue(text.contains("-> sequence every 2 ns;"), text);
        Frontend.Result result = Frontend.check(new SourceFile(seqdigits, "s.osc", text), new Diagnostics());
        // q belongs to the STNO neuron; the checker, not the override, says so where it landed
        assertTrue(result.design().isEmpty());
        assertEquals(1, result.diagnostics().size(), result.diagnostics().toString());
        assertEquals("neuron `ctrnn` takes no options", result.diagnostics().get(0).message());
        assertEquals(22, result.diagnostics().get(0).span().line());

        String valid = text.replace(" (q 0.5)", "");
        Frontend.Result checked = Frontend.check(new SourceFile(seqdigits, "s.osc", valid), new Diagnostics());
        org.oscnet.model.StnoRnnNetwork network = (org.oscnet.model.StnoRnnNetwork) checked.design()
                .orElseThrow(() -> new AssertionError(checked.diagnostics().toString())).networks().get(0);
        assertEquals(new org.oscnet.model.StnoRnnNetwork.Densities(1, 0.3, 0.4), network.density());
        assertEquals(org.oscnet.model.StnoRnnNetwork.Neuron.Kind.CTRNN, network.neuron().kind());
        assertEquals(2e-9, network.inputPeriodSeconds(), 1e-21);
        assertEquals(2, network.substeps());
    }

    @Test
    void aSettingTheDeclarationLeavesOutIsAddedToIt() throws IOException {
        Path layered = TestFiles.root().resolve("examples/digits_layered.osc");
        SourceFile source = new SourceFile(layered, "d.osc", Files.readString(layered));
        Diagnostics diagnostics = new Diagnostics();
        String text = Overrides.apply(source, List.of(new Overrides.Assignment("network.dispersion", "5 %")),
                diagnostics).orElseThrow(() -> new AssertionError(diagnostics.all().toString()));
        assertTrue(text.contains("network digits_layered : xy { dispersion 5 %;\n"), text);
        Frontend.Result result = Frontend.check(new SourceFile(layered, "d.osc", text), new Diagnostics());
        org.oscnet.model.EquilibriumNetwork network = (org.oscnet.model.EquilibriumNetwork) result.design()
                .orElseThrow(() -> new AssertionError(result.diagnostics().toString())).networks().get(0);
        assertEquals(0.05, network.frequencyDispersion(), 1e-15);
        // without a qualifier naming a declaration there is nowhere to put it
        Diagnostics unplaced = new Diagnostics();
        assertTrue(Overrides.apply(source, List.of(new Overrides.Assignment("dispersion", "5 %")), unplaced).isEmpty());
        assertTrue(unplaced.all().get(0).message().contains("has no setting `dispersion`"), unplaced.all().toString());
    }
}
