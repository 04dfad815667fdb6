package org.oscnet.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.oscnet.dsl.diag.DiagnosticRenderer;
import org.oscnet.model.Dataset;
import org.oscnet.model.Design;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Simulation;
import org.oscnet.model.StnoRnnNetwork;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;

/** Every example parses and checks cleanly, and the checked model says what the file says. */
class ExamplesTest {

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(TestFiles.examples())) {
            return files.filter(p -> p.toString().endsWith(".osc")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void checksWithoutDiagnostics(Path example) {
        Frontend.Result result = Frontend.load(example);
        assertTrue(result.diagnostics().isEmpty(), () -> DiagnosticRenderer.render(result.diagnostics()));
        Design design = result.design().orElseThrow();
        assertFalse(design.trainings().isEmpty());
    }

    @Test
    void irisVersicolorIsThePapersSetup() {
        Design design = load("iris_versicolor.osc");
        Dataset iris = design.dataset("iris").orElseThrow();
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertEquals(4, iris.featureCount());
        assertEquals(90, iris.train().size());
        assertEquals(60, iris.test().size());
        assertEquals(List.of(30, 30, 30), boxed(iris.train().classCounts(3)));
        assertEquals(List.of(20, 20, 20), boxed(iris.test().classCounts(3)));
        for (int f = 0; f < 4; f++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < iris.train().size(); r++) {
                min = Math.min(min, iris.train().feature(r, f));
                max = Math.max(max, iris.train().feature(r, f));
            }
            assertEquals(0.0, min, 1e-12, "training features are scaled to 0..1");
            assertEquals(1.0, max, 1e-12, "training features are scaled to 0..1");
        }
        // Row 51 of iris.csv (first versicolor): 7.0,3.2,4.7,1.4 -> sepal length 7.0.
        assertEquals(1, iris.train().label(30));

        KuramotoNetwork network = assertInstanceOf(KuramotoNetwork.class, design.network("versicolor").orElseThrow());
        assertEquals(6, network.oscillators());
        assertEquals(10e6, network.couplingHz(), 1e-6);
        assertEquals(500e6, network.tuningLowHz(), 1e-3);
        assertEquals(680e6, network.tuningHighHz(), 1e-3);
        assertEquals(List.of(new KuramotoNetwork.OutputPair(4, 5, 1)), network.outputs());
        Simulation sim = network.simulation();
        assertEquals(100_000, sim.steps());
        assertEquals(50_000, sim.readoutSteps());
        assertEquals(Simulation.InitialPhases.RANDOM, sim.initialPhases());

        Training training = design.trainings().get(0);
        assertEquals(new TrainingMethod.OfflineGradient(TrainingMethod.Jacobian.FORWARD, true, TrainingMethod.Init.DATA,
                true,
                TrainingMethod.LockedGradient.DETUNING), training.method());
        assertEquals(0.03, training.optimizer().learningRate());
        assertEquals(100, training.steps());
        assertEquals(0, training.batchSize());
        assertEquals(1, training.seed());

        HardwareTarget hw = design.hardwareFor("versicolor").orElseThrow();
        assertEquals(16, hw.verilog().orElseThrow().widths().get("phase"));
        assertEquals(256, hw.verilog().orElseThrow().sineEntries());
        assertEquals(8e-3, hw.dac().orElseThrow().fullScaleAmps(), 1e-12);
        assertEquals(2e-3, hw.dac().orElseThrow().device().thresholdAmps(), 1e-12);
    }

    @Test
    void referenceClassifierMapsFeaturesToOscillators() {
        KuramotoNetwork network = (KuramotoNetwork) load("band_reference.osc").networks().get(0);
        assertTrue(network.isReference());
        assertEquals(List.of(0, 1), ((KuramotoNetwork.KuramotoInput.Direct) network.input()).oscillators());
        Dataset band = load("band_reference.osc").datasets().get(0);
        assertEquals(1156, band.train().size());
        assertEquals(1156 - 164, band.train().classCounts(2)[0]);
    }

    @Test
    void otherFamiliesCarryTheirSettings() {
        StnoRnnNetwork rnn = (StnoRnnNetwork) load("seqdigits.osc").networks().get(0);
        assertEquals(List.of(32, 32, 32), rnn.layers());
        assertEquals(14.12e-9, rnn.tauSeconds(), 1e-15);
        assertEquals(1e-9, rnn.inputPeriodSeconds(), 1e-18);
        Dataset digits = load("seqdigits.osc").datasets().get(0);
        assertEquals(898, digits.train().size());
        assertEquals(1797 - 898, digits.test().size());

        EquilibriumNetwork xy = (EquilibriumNetwork) load("digits_all_to_all.osc").networks().get(0);
        assertTrue(xy.allToAll());
        assertEquals(139, xy.units());
        assertEquals(-Math.PI / 2, xy.inputPhaseLow(), 1e-12);
        Dataset layered = load("digits_layered.osc").datasets().get(0);
        assertEquals(1000, layered.train().size());
        assertEquals(700, layered.test().size());
        assertEquals(1.0, layered.train().feature(0, 2) * 16 / 5, 1e-12, "pixel 5 of 16 scaled to 5/16");
    }

    private static Design load(String name) {
        Frontend.Result result = Frontend.load(TestFiles.examples().resolve(name));
        return result.design().orElseThrow(() -> new AssertionError(DiagnosticRenderer.render(result.diagnostics())));
    }

    private static List<Integer> boxed(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
