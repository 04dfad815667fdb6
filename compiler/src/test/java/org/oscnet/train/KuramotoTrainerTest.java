package org.oscnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oscnet.dsl.Frontend;
import org.oscnet.dsl.diag.DiagnosticRenderer;
import org.oscnet.model.Dataset;
import org.oscnet.model.Design;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Training;

/** Training on a small, quick task (0.2 us runs): it learns, and a seed fixes the result. */
class KuramotoTrainerTest {
    @TempDir
    Path tmp;

    /** Class 1 when x0 < 0.5: a half-plane, which an output pair's locking band can cover. */
    private Design smallTask(String method, String lr, int iterations) throws IOException {
        StringBuilder csv = new StringBuilder("x0,x1,label\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int i = 0; i < 40; i++) {
            double x0 = random.nextDouble();
            double x1 = random.nextDouble();
            csv.append(x0).append(',').append(x1).append(',').append(x0 < 0.5 ? 1 : 0).append('\n');
        }
        Files.writeString(tmp.resolve("half.csv"), csv);
        Files.writeString(tmp.resolve("half.osc"), """
                dataset half { file "half.csv" header; features 0..1; label 2; split: first 30 train, rest test; }
                network net : kuramoto {
                    oscillators 4; coupling 10 MHz; tuning 500 MHz .. 680 MHz;
                    input half.features -> frequency linear;
                    output pair (2, 3) sync when label == 1;
                    simulate { step 10 ps; duration 0.2 us; readout last 0.1 us; }
                }
                train net on half { method %s; optimizer adam (lr %s); iterations %d; seed 5; }
                """.formatted(method, lr, iterations));
        Frontend.Result result = Frontend.load(tmp.resolve("half.osc"));
        return result.design().orElseThrow(() -> new AssertionError(DiagnosticRenderer.render(result.diagnostics())));
    }

    private static TrainedKuramoto train(Design design, int threads) {
        Training training = design.trainings().get(0);
        KuramotoNetwork network = (KuramotoNetwork) design.networks().get(0);
        Dataset dataset = design.datasets().get(0);
        return new KuramotoTrainer(network, dataset, training, TrainingListener.SILENT, threads).train();
    }

    @Test
    void offlineGradientLowersTheLossFromARandomStart() throws IOException {
        // From a naive start the pairs must travel tens of MHz: a larger step than the default 0.03.
        TrainedKuramoto trained = train(smallTask("offline gradient (init random)", "0.3", 40), 2);
        List<Double> curve = trained.lossCurve();
        double first = curve.get(0);
        double lastFive = curve.subList(curve.size() - 5, curve.size()).stream().mapToDouble(d -> d).average()
                .orElseThrow();
        assertTrue(lastFive < 0.7 * first, "loss " + first + " -> " + lastFive + ": " + curve);
        assertTrue(trained.trainAccuracy() >= 0.8, "train accuracy " + trained.trainAccuracy());
    }

    @ParameterizedTest(name = "jacobian {0}")
    @ValueSource(strings = {"forward", "adjoint"})
    void exactGradientMatchesFiniteDifferencesOfTheLoss(String jacobian) throws IOException {
        Design design = smallTask("offline gradient (jacobian " + jacobian + ", squash none, locked jacobian,"
                + " balance none)", "0.03", 1);
        Training training = design.trainings().get(0);
        KuramotoNetwork network = (KuramotoNetwork) design.networks().get(0);
        Dataset dataset = design.datasets().get(0);
        KuramotoTrainer trainer = new KuramotoTrainer(network, dataset, training, TrainingListener.SILENT, 2);
        var method = (org.oscnet.model.TrainingMethod.OfflineGradient) training.method();
        // Parameters are in units of k/2 = 5 MHz above 500 MHz, rows (w_x0, w_x1, bias). Oscillators 0
        // and 1 are parked far away; the pair's detuning sweeps 15..35 MHz across x0, through the
        // locking edge 2k = 20 MHz, where the paper's loss has a slope (it is flat elsewhere).
        double[] params = {0, 0, 1, 0, 0, 35, 4, 0.3, 21, 0, -0.2, 18};
        double[] x = dataset.train().featuresRowMajor();
        int[] labels = dataset.train().labels();
        var simulator = trainer.simulator();
        double[] gradient = new double[params.length];
        trainer.lossAndGradient(method, simulator, params, x, labels, 0, gradient);
        double h = 1e-4;
        int compared = 0;
        for (int e = 0; e < params.length; e++) {
            double[] up = params.clone();
            double[] down = params.clone();
            up[e] += h;
            down[e] -= h;
            double lossUp = trainer.lossAndGradient(method, simulator, up, x, labels, 0, new double[params.length]).loss();
            double lossDown = trainer.lossAndGradient(method, simulator, down, x, labels, 0, new double[params.length])
                    .loss();
            double numeric = (lossUp - lossDown) / (2 * h);
            assertEquals(numeric, gradient[e], 1e-4 + 0.02 * Math.abs(numeric), "dLoss/dparam " + e);
            compared += Math.abs(numeric) > 1e-3 ? 1 : 0;
        }
        assertTrue(compared >= 3, "the gradient is not trivially zero (" + compared + " non-zero entries)");
    }

    /**
     * The adjoint and forward Jacobians give the same gradient to rounding, whatever reads them:
     * tanh squashing reads single entries, locked phase the final phases' sensitivities.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"squash none, locked jacobian", "squash tanh, locked detuning",
            "squash tanh, locked phase", "squash none, locked phase, balance none"})
    void adjointAndForwardGiveTheSameGradient(String options) throws IOException {
        double[][] gradients = new double[2][];
        double[] losses = new double[2];
        String[] modes = {"forward", "adjoint"};
        for (int mode = 0; mode < 2; mode++) {
            Design design = smallTask("offline gradient (jacobian " + modes[mode] + ", " + options + ")", "0.03", 1);
            Training training = design.trainings().get(0);
            KuramotoTrainer trainer = new KuramotoTrainer((KuramotoNetwork) design.networks().get(0),
                    design.datasets().get(0), training, TrainingListener.SILENT, 2);
            var method = (org.oscnet.model.TrainingMethod.OfflineGradient) training.method();
            double[] params = {0, 0, 1, 0, 0, 35, 4, 0.3, 21, 0, -0.2, 18};
            gradients[mode] = new double[params.length];
            Dataset dataset = design.datasets().get(0);
            losses[mode] = trainer.lossAndGradient(method, trainer.simulator(), params,
                    dataset.train().featuresRowMajor(), dataset.train().labels(), 0, gradients[mode]).loss();
        }
        assertEquals(losses[0], losses[1], "the same forward pass");
        double largest = java.util.Arrays.stream(gradients[0]).map(Math::abs).max().orElseThrow();
        assertTrue(largest > 1e-3, "a gradient worth comparing: " + java.util.Arrays.toString(gradients[0]));
        for (int e = 0; e < gradients[0].length; e++) {
            assertEquals(gradients[0][e], gradients[1][e], 1e-9 * largest, "dLoss/dparam " + e);
        }
    }

    @Test
    void aSeedFixesTheResultWhateverTheThreads() throws IOException {
        Design design = smallTask("offline gradient", "0.03", 3);
        TrainedKuramoto sequential = train(design, 1);
        TrainedKuramoto parallel = train(design, 2);
        assertEquals(sequential.lossCurve(), parallel.lossCurve());
        for (int i = 0; i < sequential.inputWeightsHz().length; i++) {
            assertArrayEquals(sequential.inputWeightsHz()[i], parallel.inputWeightsHz()[i]);
        }
    }
}
