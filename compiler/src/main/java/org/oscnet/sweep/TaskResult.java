package org.oscnet.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One line of {@code results.jsonl}: a finished task, whether it worked, and what it measured.
 *
 * @param task the task's id (its overrides, in axis order)
 * @param parameters the value of each swept path
 * @param status {@code ok} or {@code failed}
 * @param metrics per trained network
 * @param error why it failed (null when it did not)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskResult(String task, Map<String, String> parameters, String status,
        Map<String, NetworkMetrics> metrics, double wallSeconds, String host, String finished, String error)
        implements java.io.Serializable {

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    /**
     * What training one network of the variant measured; the last two only when the network has a
     * Verilog target (its fixed-point array's test accuracy and clock cycles per sample).
     */
    public record NetworkMetrics(double trainAccuracy, double testAccuracy, double trainingSeconds,
            Double fixedTestAccuracy, Long cyclesPerSample) implements java.io.Serializable {
    }

    public boolean ok() {
        return OK.equals(status);
    }
}
