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
     * What training one network of the variant measured; the hardware figures only when its
     * hardware block has the target that gives them (see {@link org.oscnet.pipeline.HardwareMetrics}):
     * a {@code verilog} target's fixed-point test accuracy and clock cycles per sample, a {@code dac}
     * target's test accuracy through the DAC codes and, with a device spread, over spread chips.
     */
    public record NetworkMetrics(double trainAccuracy, double testAccuracy, double trainingSeconds,
            Double fixedTestAccuracy, Long cyclesPerSample, Double dacTestAccuracy, Double spreadTestAccuracy)
            implements java.io.Serializable {
    }

    public boolean ok() {
        return OK.equals(status);
    }
}
