package org.oscnet.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oscnet.emit.JavaModelEmitter;

/**
 * The JavaPoet model, compiled with the JDK's compiler, computes exactly what {@link HwSemantics}
 * defines: class, sync bits and the digest of every phase, sample after sample (the LFSR carries
 * over), on random networks and random inputs.
 */
class GeneratedModelTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"1, 6, 4, 1, true, 16", "2, 10, 4, 3, true, 20", "3, 5, 2, 2, false, 12", "4, 12, 7, 4, true, 28"})
    void generatedModelEqualsTheSemantics(long seed, int n, int features, int pairs, boolean randomPhases,
            int phaseBits) throws Exception {
        HwNetwork hw = HwFixtures.plan(seed, n, features, pairs, 400, randomPhases,
                new Widths(phaseBits, 12, phaseBits - 4, 16, 0, 0));
        Path source = dir.resolve(JavaModelEmitter.sourcePath(hw));
        Files.createDirectories(source.getParent());
        Files.writeString(source, JavaModelEmitter.render(hw, "test", "test.osc"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", dir.toString(), source.toString()), "javac failed");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()})) {
            Class<?> type = loader.loadClass(JavaModelEmitter.qualifiedName(hw));
            Object model = type.getConstructor().newInstance();
            Method classify = type.getMethod("classify", long[].class);
            Random rng = new Random(seed);
            int rows = 25;
            long[] x = HwFixtures.inputs(rng, hw, rows);
            HwSemantics.Outcome[] expected = HwSemantics.runAll(hw, x, rows);
            for (int r = 0; r < rows; r++) {
                long[] row = java.util.Arrays.copyOfRange(x, r * features, (r + 1) * features);
                Object result = classify.invoke(model, (Object) row);
                Class<?> resultType = result.getClass();
                assertEquals(expected[r].classIndex(), resultType.getMethod("classIndex").invoke(result), "class " + r);
                assertEquals(expected[r].syncMask(), resultType.getMethod("syncMask").invoke(result), "sync " + r);
                assertEquals(expected[r].digest(), resultType.getMethod("digest").invoke(result), "digest " + r);
            }
        }
    }
}
