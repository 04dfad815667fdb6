package org.oscnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as scripts see it: exit status, stdout, stderr, and what lands on disk. */
class MainTest {
    private static final Path ROOT = Path.of(System.getProperty("oscnet.root", "..")).toAbsolutePath().normalize();
    private static final Path VERSICOLOR = ROOT.resolve("examples/iris_versicolor.osc");

    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void checkAcceptsTheExamples() {
        Run run = run("check", versicolorPath(), ROOT.resolve("examples/seqdigits.osc").toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("iris_versicolor.osc: ok (1 dataset, 1 network, 1 training, 1 hardware target)"),
                run.out());
    }

    @Test
    void misspeltKeywordIsLocatedWithoutStackTrace() throws IOException {
        Path file = write("typo.osc", "network n : kuramoto {\n    oscillators 6;\n    couplng 10 MHz;\n}\n");
        Run run = run("check", file.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().startsWith(file + ":3:5: error: unexpected `couplng`; did you mean `coupling`?\n"
                + "    couplng 10 MHz;\n    ^~~~~~~\n"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void wrongUnitIsLocated() throws IOException {
        Path file = write("unit.osc", Files.readString(VERSICOLOR).replace("coupling 10 MHz", "coupling 10 ns"));
        Run run = run("check", file.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains(file + ":16:17: error: `coupling` takes a frequency, like `10 MHz`; `ns` is a time"),
                run.err());
        assertNoStackTrace(run);
    }

    @Test
    void missingDataFileIsLocated() throws IOException {
        Path file = write("nodata.osc", Files.readString(VERSICOLOR));
        Run run = run("check", file.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains(file + ":7:10: error: data file `" + tmp.resolve("../data/iris.csv").normalize()
                + "` does not exist"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void missingInputFile() {
        Run run = run("check", tmp.resolve("absent.osc").toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("absent.osc: error: no such file"), run.err());
    }

    @Test
    void nothingIsWrittenWhenTheInputHasErrors() throws IOException {
        Path file = write("bad.osc", "network n : kuramoto { oscillators 1; }\n");
        Path out = tmp.resolve("out");
        Run run = run("train", file.toString(), "-o", out.toString());
        assertEquals(1, run.status());
        assertFalse(Files.exists(out), "the output folder must not be created");
    }

    @Test
    void compilingBeforeTrainingSaysToTrainFirst() {
        Path out = tmp.resolve("untrained");
        Run run = run("compile", VERSICOLOR.toString(), "-o", out.toString(), "--targets", "verilog");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains("trained.json does not exist; train first: oscnet train"), run.err());
        assertFalse(Files.exists(out.resolve("versicolor/verilog")));
        Run unknown = run("compile", VERSICOLOR.toString(), "-o", out.toString(), "--targets", "vhdl");
        assertEquals(1, unknown.status(), unknown.err());
        assertTrue(unknown.err().contains("unknown target `vhdl`; --targets takes verilog, dac, spice"), unknown.err());
    }

    @Test
    void stagesNotBuiltYetSaySoWithStatus3() throws IOException {
        Files.copy(ROOT.resolve("data/xor.csv"), tmp.resolve("xor.csv"));
        Path noisy = write("xor_noisy.osc", Files.readString(ROOT.resolve("examples/xor_xy.osc"))
                .replace("../data/xor.csv", "xor.csv").replace("iterations 1000;", "iterations 50;")
                .replace("phases random;", "phases random; noise linewidth 1 %;"));
        Path out = tmp.resolve("out");
        assertEquals(0, run("train", noisy.toString(), "-o", out.toString()).status());
        Run run = run("compile", noisy.toString(), "-o", out.toString());
        assertEquals(3, run.status(), run.err());
        assertTrue(run.err().contains("an xy array with phase noise (`noise`) is not implemented yet"), run.err());
        assertFalse(Files.exists(out.resolve("xor_xy/verilog")));
    }

    /** Stuart-Landau units train, among devices with spread natural frequencies, and say so. */
    @Test
    void stuartLandauNetworksTrainByEquilibriumPropagation() throws IOException {
        Files.copy(ROOT.resolve("data/xor.csv"), tmp.resolve("xor.csv"));
        Path file = write("xor_sl.osc", Files.readString(ROOT.resolve("examples/xor_xy.osc"))
                .replace("../data/xor.csv", "xor.csv").replace("xor_xy : xy", "xor_sl : stuart_landau")
                .replace("xor_xy", "xor_sl").replace("layers 2, 4, 2;", "layers 2, 4, 2; amplitude 1; dispersion 2 %;")
                .replaceAll("(?s)hardware.*", ""));
        Path out = tmp.resolve("out");
        Run run = run("train", file.toString(), "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("xor_sl (8 stuart_landau units, 16 couplings; 2.00 % frequency dispersion): test"
                + " accuracy 100.0 %"), run.out());
        String json = Files.readString(out.resolve("xor_sl/trained.json"));
        assertTrue(json.contains("\"family\" : \"stuart_landau\""), json);
        assertTrue(json.contains("\"amplitude\" : 1.0"), json);
        assertTrue(json.contains("\"dispersion\" : 0.02"), json);
        assertTrue(json.contains("\"frequency_offsets\" : ["), json);
        assertTrue(json.contains("mu = amplitude^2"), json);
    }

    @Test
    void reproducePaper4WritesItsTableAndCurves() throws IOException {
        Path out = tmp.resolve("paper4");
        Run run = run("reproduce", "paper4", "--quick", "--only", "phase,baseline,dispersion", "--steps", "3", "-o",
                out.toString());
        assertEquals(0, run.status(), run.err());
        String report = Files.readString(out.resolve("README.md"));
        assertTrue(report.contains("oscnet reproduce paper4 --quick --steps 3 --only phase,baseline,dispersion"), report);
        assertTrue(report.matches("(?s).*\\| phase \\(xy\\) \\| `examples/digits_layered.osc` \\| 174 \\| 7400 \\| 97\\.77 \\| \\d+\\.\\d\\d \\|.*"),
                report);
        assertTrue(report.matches("(?s).*\\| tanh perceptron 100 hidden.*\\| \\d+\\.\\d\\d \\|.*"), report);
        assertTrue(report.contains("### phase (xy), trained at 5 % dispersion, against dispersion"), report);
        assertFalse(report.contains("against noise"), report);
        assertTrue(Files.size(out.resolve("dispersion.png")) > 0);
        assertFalse(Files.exists(out.resolve("noise.png")));
        // two training tasks: the phase network (seed 1) and the one trained at 5 % dispersion
        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).contains("\"network.dispersion\":\"5 %\""), lines.get(1));

        Run again = run("reproduce", "paper4", "--quick", "--only", "phase,baseline,dispersion", "--steps", "3", "-o",
                out.toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.err().contains("2 already in"), again.err());
        assertEquals(lines, Files.readAllLines(out.resolve("results.jsonl")), "nothing ran twice");
        // the same rows and curves from the kept networks; the baseline trains again here (its seconds differ)
        java.util.function.Function<String, List<String>> kept = r -> rows(r).stream()
                .filter(l -> !l.contains("s in all")).toList();
        assertEquals(kept.apply(report), kept.apply(Files.readString(out.resolve("README.md"))));
    }

    @Test
    void trainWritesTrainedJson() throws IOException {
        Files.copy(ROOT.resolve("data/band.csv"), tmp.resolve("band.csv"));
        Path file = write("quick.osc", """
                dataset band { file "band.csv" header; features 0..1; label 2; split: first 50 % train, rest test; }
                network quick : kuramoto {
                    oscillators 4; coupling 10 MHz; tuning 500 MHz .. 680 MHz;
                    input band.features -> frequency linear;
                    output pair (2, 3) sync when label == 1;
                    simulate { duration 0.1 us; readout last 0.05 us; }
                }
                train quick on band { iterations 2; batch 40; seed 9; }
                """);
        Path out = tmp.resolve("out");
        Run run = run("train", file.toString(), "-o", out.toString(), "--seed", "4");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("quick: train accuracy"), run.out());
        String json = Files.readString(out.resolve("quick/trained.json"));
        assertTrue(json.contains("\"schema\" : \"oscnet.trained/1\""), json);
        assertTrue(json.contains("\"seed\" : 4"), "--seed overrides the file: " + json);
        assertTrue(json.contains("\"input_weights_hz\""), json);
    }

    @Test
    void recurrentNetworksTrain() throws IOException {
        Files.copy(ROOT.resolve("data/digits.csv.gz"), tmp.resolve("digits.csv.gz"));
        Path file = write("seq.osc", """
                dataset digits { file "digits.csv.gz" no header; features 0..63; label 64;
                    split: first 10 % train, next 10 % test; scale features from 0 .. 16 to 0 .. 1; }
                network seq : stno_rnn { input digits.features -> sequence every 1 ns; layers 8, 8;
                    gain 70 MHz; output softmax; }
                train seq on digits { method bptt (clip 1); optimizer adam (lr 0.1, decay 8.077); epochs 2;
                    batch 60; seed 3; }
                """);
        Path out = tmp.resolve("out");
        Run run = run("train", file.toString(), "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("seq (stno neurons): train accuracy"), run.out());
        String json = Files.readString(out.resolve("seq/trained.json"));
        assertTrue(json.contains("\"schema\" : \"oscnet.trained-stno_rnn/1\""), json);
        assertTrue(Files.exists(out.resolve("seq/training.png")));
        assertTrue(Files.exists(out.resolve("seq/traces.png")));
    }

    @Test
    void compileWarnsWhenTheOscFileChangedSinceTraining() throws IOException {
        Path osc = tmp.resolve("xor.osc");
        Files.writeString(osc, Files.readString(ROOT.resolve("examples/xor_xy.osc"))
                .replace("\"../data/xor.csv\"", "\"" + ROOT.resolve("data/xor.csv") + "\"")
                .replace("iterations 1000;", "iterations 50;"));
        Path out = tmp.resolve("out");
        assertEquals(0, run("train", osc.toString(), "-o", out.toString()).status());
        Run current = run("compile", osc.toString(), "-o", out.toString());
        assertEquals(0, current.status(), current.err());
        assertFalse(current.err().contains("stale"), current.err());
        Files.writeString(osc, Files.readString(osc).replace("iterations 50;", "iterations 60;"));
        Run stale = run("compile", osc.toString(), "-o", out.toString());
        assertEquals(0, stale.status(), stale.err());
        assertTrue(stale.err().contains("oscnet: warning: " + out.resolve("xor_xy/trained.json") + " is stale: the"
                + " .osc file or its data changed since it was trained; compiling it anyway"), stale.err());
    }

    @Test
    void trainWithoutATrainBlockSaysWhatToAdd() throws IOException {
        String text = Files.readString(VERSICOLOR);
        Files.createDirectories(tmp.resolve("examples"));
        Files.createDirectories(tmp.resolve("data"));
        Files.copy(ROOT.resolve("data/iris.csv"), tmp.resolve("data/iris.csv"));
        Path file = write("examples/untrained.osc", text.substring(0, text.indexOf("train versicolor")));
        Run run = run("train", file.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains("has no train block; add e.g. `train versicolor on iris"), run.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void calibrationRegeneratesTheDacTablesForMeasuredDevices() throws IOException {
        Path out = tmp.resolve("out");
        copyTrainedVersicolor(out);
        Run nominal = run("compile", VERSICOLOR.toString(), "-o", out.toString(), "--targets", "dac");
        assertEquals(0, nominal.status(), nominal.err());
        assertFalse(Files.exists(out.resolve("versicolor/spice")), "--targets dac writes no netlists");
        String nominalCsv = Files.readString(out.resolve("versicolor/dac/bias.csv"));

        Path measured = write("devices.json", devicesJson(6, 0.004));
        Run calibrated = run("compile", VERSICOLOR.toString(), "-o", out.toString(), "--targets", "dac",
                "--calibration", measured.toString());
        assertEquals(0, calibrated.status(), calibrated.err());
        String calibratedCsv = Files.readString(out.resolve("versicolor/dac/bias.csv"));
        assertTrue(Files.readString(out.resolve("versicolor/dac/dac.json")).contains("per-oscillator devices"));
        // oscillator 0 keeps the nominal device; the others need more current for the same frequency
        assertEquals(nominalCsv.lines().skip(1).findFirst(), calibratedCsv.lines().skip(1).findFirst());
        assertNotEquals(nominalCsv, calibratedCsv);

        assertWrongDeviceCountIsRefused(VERSICOLOR, out, "versicolor", 6);
    }

    /** {"devices": [...]}: n nominal STNOs, device i's f0 raised by {@code step × i}. */
    private static String devicesJson(int n, double step) {
        StringBuilder devices = new StringBuilder("{\"devices\": [");
        for (int i = 0; i < n; i++) {
            devices.append(i == 0 ? "" : ", ").append("{\"f0_hz\": ").append(480e6 * (1 + step * i))
                    .append(", \"nonlinearity_hz\": 2e9, \"threshold_a\": 2e-3, \"q\": 2, \"damping_hz\": 1e8}");
        }
        return devices.append("]}").toString();
    }

    /** A calibration with one device too few is a located user error, exit 1. */
    private void assertWrongDeviceCountIsRefused(Path example, Path out, String network, int oscillators)
            throws IOException {
        Path fewer = write("fewer.json", devicesJson(oscillators - 1, 0));
        Run wrongCount = run("compile", example.toString(), "-o", out.toString(), "--targets", "dac",
                "--calibration", fewer.toString());
        assertEquals(1, wrongCount.status(), wrongCount.err());
        assertTrue(wrongCount.err().contains("the calibration lists " + (oscillators - 1) + " devices; `" + network
                + "` has " + oscillators + " oscillators"), wrongCount.err());
    }

    @Test
    void stuartLandauBiasTablesCalibrateEachDeviceToItsTrainedFrequency() throws IOException {
        Path example = ROOT.resolve("examples/xor_stuart_landau.osc");
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("xor_sl"));
        Files.copy(ROOT.resolve("verilog-out/xor_stuart_landau/xor_sl/trained.json"), out.resolve("xor_sl/trained.json"));
        Run nominal = run("compile", example.toString(), "-o", out.toString(), "--targets", "dac");
        assertEquals(0, nominal.status(), nominal.err());
        assertTrue(nominal.out().matches("(?s).*xor_sl: 6 STNO biases at 980\\.000 MHz \\(nominal device\\).*"),
                nominal.out());
        assertFalse(Files.exists(out.resolve("xor_sl/spice")), "--targets dac writes no netlists");
        List<String[]> nominalRows = rows(out.resolve("xor_sl/dac/bias.csv"));

        Run calibrated = run("compile", example.toString(), "-o", out.toString(), "--targets", "dac",
                "--calibration", write("devices.json", devicesJson(6, 0.01)).toString());
        assertEquals(0, calibrated.status(), calibrated.err());
        List<String[]> calibratedRows = rows(out.resolve("xor_sl/dac/bias.csv"));
        for (int i = 0; i < 6; i++) {
            // column 2: target MHz, 5: code, 9: realised minus target in kHz (within half an LSB's reach)
            assertEquals(nominalRows.get(i)[2], calibratedRows.get(i)[2], "the trained frequency of unit " + i);
            assertTrue(Math.abs(Double.parseDouble(calibratedRows.get(i)[9])) < 1000, String.join(",",
                    calibratedRows.get(i)));
            // a device with a higher f0 needs less current for the same frequency
            int nominalCode = Integer.parseInt(nominalRows.get(i)[5]);
            int ownCode = Integer.parseInt(calibratedRows.get(i)[5]);
            assertTrue(i == 0 ? ownCode == nominalCode : ownCode < nominalCode, "unit " + i + ": " + ownCode + " vs "
                    + nominalCode);
        }

        assertWrongDeviceCountIsRefused(example, out, "xor_sl", 6);
    }

    @Test
    void verifyWithoutTheEdaToolsSaysWhatToInstallAndExitsFive() throws Exception {
        Path copy = tmp.resolve("verilog");
        try (var files = Files.walk(ROOT.resolve("verilog-out/xor_xy/xor_xy/verilog"))) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = copy.resolve(ROOT.resolve("verilog-out/xor_xy/xor_xy/verilog").relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        // a separate JVM whose PATH holds none of the tools
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "verify", copy.toString())
                .redirectErrorStream(true);
        builder.environment().put("PATH", tmp.resolve("no-tools").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(5, process.waitFor(), output);
        assertTrue(output.contains("verilator is not installed (not on PATH); run scripts/install-eda-tools"), output);
        assertFalse(output.contains("internal error"), output);
    }

    private static List<String[]> rows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(line -> line.split(",")).toList();
    }

    @Test
    void aBiasCurrentBeyondFullScaleIsACompileErrorAndWritesNothing() throws IOException {
        Files.createDirectories(tmp.resolve("examples"));
        Files.createDirectories(tmp.resolve("data"));
        Files.copy(ROOT.resolve("data/iris.csv"), tmp.resolve("data/iris.csv"));
        Path file = write("examples/small_dac.osc", Files.readString(VERSICOLOR).replace("full scale 8 mA",
                "full scale 2.5 mA"));
        Path out = tmp.resolve("out");
        copyTrainedVersicolor(out);
        Run run = run("compile", file.toString(), "-o", out.toString(), "--targets", "dac,spice");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().matches("(?s).*oscillator \\d of `versicolor` needs 2\\.\\d+ mA for 6\\d\\d\\.\\d+ MHz"
                + " at test sample \\d+, beyond the DAC's largest current 2\\.4976 mA; raise `full scale`.*"), run.err());
        assertFalse(Files.exists(out.resolve("versicolor/dac")));
    }

    @Test
    void reproducePaper3WritesItsTableAndTheXorStudy() throws IOException {
        Path out = tmp.resolve("paper3");
        Run run = run("reproduce", "paper3", "--only", "64-20-10,xor", "--steps", "4", "--seeds", "1", "-o",
                out.toString());
        assertEquals(0, run.status(), run.err());
        String report = Files.readString(out.resolve("README.md"));
        assertTrue(report.matches("(?s).*\\| 64-20-10 \\| 94 \\| 1480 \\| 91\\.7 \\| \\d+\\.\\d ± 0\\.0 \\|.*"), report);
        assertTrue(report.contains("oscnet reproduce paper3 --seeds 1 --steps 4 --only 64-20-10,xor"), report);
        assertTrue(report.matches("(?s).*\\| \\(1, 1\\) -> 0 \\| \\d+ \\| \\d+ \\| \\d+ of 200 \\| \\d+ \\| \\d+ \\|.*"), report);
        assertTrue(Files.size(out.resolve("test_accuracy.png")) > 0);
    }

    @Test
    void reproducePaper3SetsASettingOfEveryRun() throws IOException {
        Path out = tmp.resolve("paper3-fire");
        Run run = run("reproduce", "paper3", "--only", "64-20-10", "--steps", "2", "--seeds", "1", "--set",
                "integrator=fire", "--set", "train.test every=1", "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        String report = Files.readString(out.resolve("README.md"));
        assertTrue(report.contains("oscnet reproduce paper3 --seeds 1 --steps 2 --only 64-20-10 --set integrator=fire"
                + " --set 'train.test every=1'"), report);
        assertTrue(report.contains("relaxation: FIRE"), report);
        assertTrue(Files.readString(out.resolve("results.jsonl")).contains("\"integrator\":\"fire\""));

        Path bad = tmp.resolve("paper3-bad");
        Run unknown = run("reproduce", "paper3", "--only", "64-20-10", "--steps", "2", "--set", "integrator=rk4", "-o",
                bad.toString());
        assertEquals(1, unknown.status(), unknown.err());
        assertTrue(unknown.err().contains("digits_layered.osc:17:"), unknown.err());
        assertTrue(unknown.err().contains("unknown integrator `rk4`"), unknown.err());
        assertFalse(Files.exists(bad), "nothing written");
        Run malformed = run("reproduce", "paper3", "--set", "integrator", "-o", bad.toString());
        assertEquals(1, malformed.status(), malformed.err());
        assertTrue(malformed.err().contains("expected PATH=VALUE"), malformed.err());
        Run elsewhere = run("reproduce", "paper1", "--set", "seed=2", "-o", bad.toString());
        assertEquals(1, elsewhere.status(), elsewhere.err());
        assertTrue(elsewhere.err().contains("--set is for paper3"), elsewhere.err());
    }

    @Test
    void xyNetworksTrainByEquilibriumPropagation() throws IOException {
        Path out = tmp.resolve("out");
        Run run = run("train", ROOT.resolve("examples/xor_xy.osc").toString(), "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("xor_xy (8 xy units, 16 couplings): test accuracy 100.0 %"), run.out());
        for (String file : new String[] {"trained.json", "training.png", "relaxation.png", "outputs.png",
                "confusion.png"}) {
            assertTrue(Files.size(out.resolve("xor_xy").resolve(file)) > 0, file);
        }
        String json = Files.readString(out.resolve("xor_xy/trained.json"));
        assertTrue(json.contains("\"schema\" : \"oscnet.trained-xy/1\""), json);
        // an absolute path on the command line is recorded relative to the output folder
        assertTrue(json.contains("\"source\" : \"" + out.relativize(ROOT.resolve("examples/xor_xy.osc")) + "\""),
                json);
    }

    @Test
    void reproduceWritesAReport() throws IOException {
        Path out = tmp.resolve("repro");
        Run run = run("reproduce", "paper1", "--only", "perceptron", "--seeds", "2", "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        String report = Files.readString(out.resolve("README.md"));
        assertTrue(report.contains("| Iris setosa | perceptron | 100 epochs |"), report);
        assertTrue(report.contains("oscnet reproduce paper1 --seeds 2 --only perceptron"), report);
        assertTrue(run.out().contains("Iris versicolor"), run.out());
    }

    @Test
    void reproducePaper1IsASweepThatAResumedRunCompletesWithTheSameTable() throws IOException {
        Path out = tmp.resolve("paper1");
        String[] command = {"reproduce", "paper1", "--only", "band", "--seeds", "1", "--steps", "2", "-o",
            out.toString()};
        Run first = run(command);
        assertEquals(0, first.status(), first.err());
        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("band_reference_offline.osc")), lines.get(0));
        assertTrue(lines.stream().allMatch(l -> l.contains("\"iterations\":\"2\"")),
                lines.get(0));
        String table = Files.readString(out.resolve("README.md"));
        assertTrue(table.contains("oscnet reproduce paper1 --seeds 1 --steps 2 --only band"), table);
        assertTrue(Files.isRegularFile(out.resolve("response-band_reference_offline.png")));

        Run again = run(command);
        assertEquals(0, again.status(), again.err());
        assertTrue(again.err().contains("2 already in"), again.err());
        assertEquals(lines, Files.readAllLines(out.resolve("results.jsonl")), "nothing ran twice");
        assertEquals(table, Files.readString(out.resolve("README.md")));
    }

    @Test
    void reproducePaper2WritesItsTableAndAStudy() throws IOException {
        Path out = tmp.resolve("paper2");
        Run run = run("reproduce", "paper2", "--quick", "--only", "table,density", "--seeds", "1", "--epochs", "1",
                "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        String report = Files.readString(out.resolve("README.md"));
        assertTrue(report.contains("| spintronic (STNO) |"), report);
        assertTrue(report.contains("| CTRNN baseline (lr 0.06) |"), report);
        assertTrue(report.contains("89.83 ± 2.91"), report);
        // one epoch: the best test epoch is the last one
        String[] spintronic = report.lines().filter(l -> l.startsWith("| spintronic (STNO) |")).findFirst()
                .orElseThrow().split("\\|");
        assertTrue(report.contains("| best test epoch (%) |"), report);
        assertEquals(spintronic[2].trim(), spintronic[4].trim(), report);
        assertTrue(report.contains("### density: inter-layer only (intra 0.5)"), report);
        assertTrue(report.contains("oscnet reproduce paper2 --quick --seeds 1 --epochs 1 --only table,density"),
                report);
        assertTrue(Files.isRegularFile(out.resolve("density.png")));
        assertTrue(run.err().contains("spintronic: median"), run.err());
        // the example-valued density point (0.5, 0.5) and the inter-only one at 0.5 are the table's
        // spintronic task: four distinct tasks, each trained once
        assertEquals(4, Files.readAllLines(out.resolve("results.jsonl")).size());

        Run again = run("reproduce", "paper2", "--quick", "--only", "table,density", "--seeds", "1", "--epochs", "1",
                "-o", out.toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.err().contains("4 already in"), again.err());
        assertEquals(4, Files.readAllLines(out.resolve("results.jsonl")).size(), "nothing ran twice");
        assertEquals(rows(report), rows(Files.readString(out.resolve("README.md"))));
    }

    @Test
    void reproducePaper2HoldsTheStepAboveTheExamplesPeriod() throws IOException {
        Path out = tmp.resolve("paper2-timestep");
        Run run = run("reproduce", "paper2", "--quick", "--only", "timestep", "--epochs", "1",
                "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        List<String> tasks = Files.readAllLines(out.resolve("results.jsonl"));
        assertEquals(3, tasks.size(), String.join("\n", tasks));
        // two steps per period up to the example's 1 ns, its 0.5 ns step beyond
        for (String expected : List.of("every=0.5 ns simulate.step=0.25 ns", "every=1 ns simulate.step=0.5 ns",
                "every=2 ns simulate.step=0.5 ns")) {
            assertTrue(tasks.stream().anyMatch(t -> t.contains(expected)), expected + " in\n" + tasks);
        }
        assertTrue(Files.readString(out.resolve("README.md")).contains("(steps of at most 0.5 ns at longer periods)"));
    }

    /** The table rows of a report (its first line names the minutes it took). */
    private static List<String> rows(String report) {
        return report.lines().filter(l -> l.startsWith("|")).toList();
    }

    @Test
    void reproduceRejectsUnknownPapersAndGroups() {
        assertEquals(1, run("reproduce", "paper9", "-o", tmp.resolve("r").toString()).status());
        Run run = run("reproduce", "paper1", "--only", "iriss", "-o", tmp.resolve("r").toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("unknown group `iriss`"), run.err());
        Run paper2 = run("reproduce", "paper2", "--only", "iris", "-o", tmp.resolve("r").toString());
        assertEquals(1, paper2.status());
        assertTrue(paper2.err().contains("paper2's groups are table, timestep, rate, drive, density"), paper2.err());
        assertFalse(Files.exists(tmp.resolve("r")));
    }

    @Test
    void verifyNeedsAFolder() {
        Run run = run("verify", tmp.resolve("nowhere").toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("holds neither hw.json nor spice.json; give a folder `oscnet compile` wrote"), run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("check", "--frobnicate", VERSICOLOR.toString()).status());
    }

    @Test
    void version() {
        Run run = run("--version");
        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("oscnet "), run.out());
    }

    /**
     * In {@code oscnet --help} every command's summary is one whole sentence, at 80 and at 120
     * columns: the lines of one entry, joined, end with a full stop (before, summaries were the
     * first line of a hard-wrapped description and stopped mid-sentence).
     */
    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void helpListsEachCommandWithAWholeSentence(int columns) {
        String before = System.getProperty("picocli.usage.width");
        System.setProperty("picocli.usage.width", Integer.toString(columns));
        try {
            Run run = run("--help");
            assertEquals(0, run.status());
            String list = run.out().substring(run.out().indexOf("Commands:"), run.out().indexOf("Exit status:"));
            java.util.Map<String, String> summaries = new java.util.LinkedHashMap<>();
            String current = null;
            for (String line : list.lines().skip(1).toList()) {
                java.util.regex.Matcher entry = java.util.regex.Pattern.compile("^  (\\w+)\\s+(.*)$").matcher(line);
                if (entry.matches()) {
                    current = entry.group(1);
                    summaries.put(current, entry.group(2).strip());
                } else if (current != null && !line.isBlank()) {
                    summaries.merge(current, line.strip(), (a, b) -> a + " " + b);
                }
            }
            assertEquals(List.of("check", "train", "compile", "verify", "build", "sweep", "bench", "demo", "reproduce",
                    "help"),
                    List.copyOf(summaries.keySet()), list);
            summaries.forEach((command, summary) -> {
                assertTrue(summary.endsWith("."), command + ": `" + summary + "` is not a whole sentence");
                assertTrue(run.out().lines().allMatch(l -> l.length() <= columns), "a line is wider than " + columns);
            });
        } finally {
            if (before == null) {
                System.clearProperty("picocli.usage.width");
            } else {
                System.setProperty("picocli.usage.width", before);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "train", "compile", "verify", "build", "sweep", "bench", "demo", "reproduce"})
    void everyCommandTeachesWithAnExample(String command) {
        Run run = run(command, "--help");
        assertEquals(0, run.status());
        assertTrue(run.out().contains("Example:") && run.out().contains("oscnet " + command), run.out());
    }

    private static String versicolorPath() {
        assertTrue(Files.exists(VERSICOLOR), "example missing: " + VERSICOLOR);
        return VERSICOLOR.toString();
    }

    /** The checked-in trained versicolor network, where `compile -o out` looks for it. */
    private static void copyTrainedVersicolor(Path out) throws IOException {
        Files.createDirectories(out.resolve("versicolor"));
        Files.copy(ROOT.resolve("verilog-out/iris_versicolor/versicolor/trained.json"),
                out.resolve("versicolor/trained.json"));
    }

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static void assertNoStackTrace(Run run) {
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }
}
