package org.oscnet.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import org.oscnet.model.FeatureMap;

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
        Files.writeString(source, JavaModelEmitter.render(hw, FeatureMap.identity(hw.features()), "test",
                "test.osc"));
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

    /** {@code scale} applies the dataset's {@link FeatureMap} bit for bit, and {@code classifyFeatures} chains it. */
    @ParameterizedTest
    @CsvSource({"5, 4", "6, 7"})
    void rawFeaturesAreScaledAsTheTrainingRowsWere(long seed, int features) throws Exception {
        HwNetwork hw = HwFixtures.plan(seed, 6, features, 1, 400, true, new Widths(16, 12, 12, 16, 0, 0));
        Random rng = new Random(seed);
        double[] low = new double[features];
        double[] gain = new double[features];
        for (int f = 0; f < features; f++) {
            low[f] = rng.nextGaussian() * 10;
            gain[f] = 1 / (0.1 + rng.nextDouble() * 5);
        }
        FeatureMap map = new FeatureMap(low, gain, rng.nextBoolean() ? 0.0 : -1.0);
        Path source = dir.resolve(JavaModelEmitter.sourcePath(hw));
        Files.createDirectories(source.getParent());
        Files.writeString(source, JavaModelEmitter.render(hw, map, "test", "test.osc"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(),
                source.toString()), "javac failed");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()})) {
            Class<?> type = loader.loadClass(JavaModelEmitter.qualifiedName(hw));
            Method scale = type.getMethod("scale", double[].class);
            Method quantize = type.getMethod("quantize", double[].class);
            for (int r = 0; r < 20; r++) {
                double[] raw = new double[features];
                double[] expected = new double[features];
                for (int f = 0; f < features; f++) {
                    raw[f] = low[f] + rng.nextDouble() * 3 / gain[f];
                    expected[f] = map.apply(f, raw[f]);
                }
                assertArrayEquals(expected, (double[]) scale.invoke(null, (Object) raw), "row " + r);
                Object viaFeatures = type.getMethod("classifyFeatures", double[].class)
                        .invoke(type.getConstructor().newInstance(), (Object) raw);
                Object viaWords = type.getMethod("classify", long[].class).invoke(type.getConstructor().newInstance(),
                        quantize.invoke(null, (Object) expected));
                assertEquals(viaWords, viaFeatures, "row " + r);
            }
            Exception wrongWidth = assertThrows(java.lang.reflect.InvocationTargetException.class,
                    () -> scale.invoke(null, (Object) new double[features + 1]));
            assertEquals(IllegalArgumentException.class, wrongWidth.getCause().getClass());
        }
    }
}
