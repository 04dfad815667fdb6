package org.oscnet.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The encoder's registered sum tree adds the bias and every product once, in the fewest levels. */
class SumTreeTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 9, 16, 64})
    void theTreeSumsEveryOperandOnceInCeilLog2Levels(int features) {
        List<List<Map<String, String>>> tree = VerilogEmitter.sumTree(features);
        int levels = 0;
        while ((1 << levels) < features + 1) {
            levels++;
        }
        assertEquals(levels, tree.size(), "levels for " + features + " features and a bias");
        SplittableRandom random = new SplittableRandom(features);
        Map<String, Long> values = new HashMap<>();
        long expected = random.nextLong(-1000, 1000);
        values.put("bias_p", expected);
        for (int p = 0; p < features; p++) {
            long product = random.nextLong(-1_000_000, 1_000_000);
            values.put("product" + p, product);
            expected += product;
        }
        for (List<Map<String, String>> level : tree) {
            Map<String, Long> next = new HashMap<>();
            for (Map<String, String> node : level) {
                long sum = 0;
                for (String operand : node.get("expr").split(" \\+ ")) {
                    assertTrue(values.containsKey(operand), operand + " is computed by the level before");
                    sum += values.remove(operand);
                }
                next.put(node.get("name"), sum);
            }
            assertTrue(values.isEmpty(), "every operand of a level is used once: left " + values.keySet());
            values = next;
        }
        assertEquals(Map.of("sum", expected), values);
    }
}
