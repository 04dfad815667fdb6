package org.oscnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oscnet.dsl.Frontend;
import org.oscnet.model.Design;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.train.TrainedEquilibrium;
import org.oscnet.train.TrainedKuramoto;

/**
 * Trained files are records on disk: what is written reads back to the same parameters, and a
 * file of another schema or with a field of the wrong type is a clear error, not a default value.
 */
class TrainedFilesTest {
    private static final Path ROOT = Path.of(System.getProperty("oscnet.root", ".."));

    @TempDir
    Path tmp;

    private static Design design(String example) {
        return Frontend.load(ROOT.resolve("examples/" + example + ".osc")).design().orElseThrow();
    }

    @Test
    void aKuramotoFileReadsBackToTheSameParametersAndRendersTheSameText() throws IOException {
        Design design = design("iris_versicolor");
        KuramotoNetwork network = (KuramotoNetwork) design.networks().get(0);
        Path checkedIn = ROOT.resolve("verilog-out/iris_versicolor/versicolor/trained.json");
        TrainedKuramoto trained = TrainedJson.read(checkedIn, network);
        String text = TrainedJson.render(new Provenance("test", "x.osc", "sha256:0"), network,
                design.datasets().get(0), design.trainings().get(0), trained);
        Path again = tmp.resolve("trained.json");
        Files.writeString(again, text);
        TrainedKuramoto reread = TrainedJson.read(again, network);
        assertArrayEquals(trained.inputWeightsHz(), reread.inputWeightsHz());
        assertEquals(trained.testAccuracy(), reread.testAccuracy());
        assertArrayEquals(trained.confusion(), reread.confusion());
        assertEquals(text, TrainedJson.render(new Provenance("test", "x.osc", "sha256:0"), network,
                design.datasets().get(0), design.trainings().get(0), reread));
    }

    @Test
    void theScalingOfRawRowsIsRecordedAsTheDatasetAppliedIt() throws IOException {
        Design design = design("iris_versicolor");
        KuramotoNetwork network = (KuramotoNetwork) design.networks().get(0);
        org.oscnet.model.Dataset dataset = design.datasets().get(0);
        TrainedKuramoto trained = TrainedJson.read(ROOT.resolve("verilog-out/iris_versicolor/versicolor/trained.json"),
                network);
        com.fasterxml.jackson.databind.JsonNode scaling = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(TrainedJson.render(new Provenance("test", "x.osc", "sha256:0"), network, dataset,
                        design.trainings().get(0), trained)).path("dataset").path("input_scaling");
        org.oscnet.model.FeatureMap map = dataset.featureMap();
        for (int f = 0; f < map.features(); f++) {
            double raw = 0.37 + f;
            double low = scaling.path("low").get(f).asDouble();
            double gain = scaling.path("gain").get(f).asDouble();
            assertEquals(map.apply(f, raw), scaling.path("target_low").asDouble() + (raw - low) * gain, 1e-12);
        }
        // iris: sepal length 4.3 .. 7.7 in the 90 training rows (first 30 per class), so the gain is 1 / 3.4
        assertEquals(4.3, scaling.path("low").get(0).asDouble(), 1e-12);
        assertEquals(1 / 3.4, scaling.path("gain").get(0).asDouble(), 1e-9);
    }

    @Test
    void anXyFileReadsBackToTheSameParameters() throws IOException {
        Design design = design("xor_xy");
        EquilibriumNetwork network = (EquilibriumNetwork) design.networks().get(0);
        TrainedEquilibrium trained = EquilibriumJson.read(ROOT.resolve("verilog-out/xor_xy/xor_xy/trained.json"),
                network);
        Path again = tmp.resolve("trained.json");
        Files.writeString(again, EquilibriumJson.render(new Provenance("test", "x.osc", "sha256:0"), network,
                design.datasets().get(0), design.trainings().get(0), trained));
        assertArrayEquals(trained.parameters(), EquilibriumJson.read(again, network).parameters());
        assertTrue(Files.readString(again).contains("\"edges\" : [ [ 0, 2, "), "edges stay [low, high, W]");
    }

    @Test
    void aFileOfAnotherSchemaIsRefusedWithWhatToDo() {
        KuramotoNetwork network = (KuramotoNetwork) design("iris_versicolor").networks().get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainedJson.read(ROOT.resolve("verilog-out/xor_xy/xor_xy/trained.json"), network));
        assertTrue(e.getMessage().endsWith("has schema `oscnet.trained-xy/1`, this oscnet reads `oscnet.trained/1`;"
                + " train again with `oscnet train`"), e.getMessage());
    }

    @Test
    void aFieldOfTheWrongTypeIsAnErrorNotADefault() throws IOException {
        KuramotoNetwork network = (KuramotoNetwork) design("iris_versicolor").networks().get(0);
        Path broken = tmp.resolve("trained.json");
        Files.writeString(broken, Files.readString(ROOT.resolve("verilog-out/iris_versicolor/versicolor/trained.json"))
                .replace("\"oscillators\" : 6", "\"oscillators\" : \"six\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainedJson.read(broken, network));
        assertTrue(e.getMessage().contains("is not a valid oscnet.trained/1 file"), e.getMessage());
    }
}
