package org.oscnet.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oscnet.dsl.check.Dimension;
import org.oscnet.dsl.check.Units;
import org.oscnet.dsl.diag.Diagnostic;
import org.oscnet.dsl.diag.DiagnosticRenderer;
import org.oscnet.dsl.diag.SourceFile;
import org.oscnet.dsl.diag.Span;
import org.oscnet.dsl.diag.Suggestions;
import org.oscnet.model.Optimizer;

/** Units, suggestions and the diagnostic layout. */
class HelpersTest {

    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource({
        "ps, 1e-12, TIME", "ns, 1e-9, TIME", "us, 1e-6, TIME", "µs, 1e-6, TIME", "s, 1, TIME",
        "Hz, 1, FREQUENCY", "MHz, 1e6, FREQUENCY", "GHz, 1e9, FREQUENCY",
        "uA, 1e-6, CURRENT", "mA, 1e-3, CURRENT", "kOhm, 1e3, RESISTANCE", "pF, 1e-12, CAPACITANCE",
        "deg, 0.017453292519943295, ANGLE", "rad, 1, ANGLE", "%, 0.01, NONE"})
    void unitsConvertToSi(String unit, double factor, Dimension dimension) {
        Units.Unit u = Units.lookup(unit).orElseThrow();
        assertEquals(dimension, u.dimension());
        assertEquals(factor, u.factor(), factor * 1e-15);
    }

    @ParameterizedTest(name = "{0} {1} decay {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "SGD | 0.03 | 0 | SGD lr 0.03",
        "ADAM | 0.001 | 300 | Adam lr 0.001 / (1 + step / 300)",
        "ADAM | 0.149 | 8.077 | Adam lr 0.149 / (1 + step / 8.077)",
        "SGD | 1e-4 | 2.5 | SGD lr 0.0001 / (1 + step / 2.5)"})
    void optimizersNameTheirSchedule(Optimizer.Kind kind, double rate, double decay, String expected) {
        assertEquals(expected, new Optimizer(kind, rate, 0.9, 0.999, 1e-8, decay).describe("step"));
    }

    @ParameterizedTest
    @CsvSource({"Mhz", "MHZ", "hz", "sec", "mins", "Amp"})
    void unknownUnitsAreNotGuessed(String unit) {
        assertTrue(Units.lookup(unit).isEmpty());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"couplng, coupling", "copuling, coupling", "Mhz, MHz", "oscilators, oscillators", "TRAIN, train"})
    void suggestsTheCloseWord(String typo, String meant) {
        List<String> words = List.of("coupling", "oscillators", "MHz", "mHz", "train", "tuning");
        assertEquals(Optional.of(meant), Suggestions.closest(typo, words));
    }

    @ParameterizedTest
    @CsvSource({"x", "ab", "banana", "zzzzzzzz"})
    void staysQuietWhenNothingIsClose(String word) {
        assertEquals(Optional.empty(), Suggestions.closest(word, List.of("coupling", "xy", "tuning", "ac")));
    }

    @Test
    void rendersLikeClang() {
        SourceFile file = new SourceFile(Path.of("n.osc"), "n.osc", "network n : kuramoto {\n\tcoupling 10 Mhz;\n}\n");
        Diagnostic d = new Diagnostic(Diagnostic.Severity.ERROR, new Span(file, 2, 13, 3), null, "unknown unit `Mhz`");
        assertEquals("n.osc:2:13: error: unknown unit `Mhz`\n\tcoupling 10 Mhz;\n\t           ^~~\n1 error\n",
                DiagnosticRenderer.render(List.of(d)));
    }
}
