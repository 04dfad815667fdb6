package org.oscnet.emit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oscnet.device.Stno;
import org.oscnet.quantize.DacPlan;

/**
 * The bias DAC tables of a {@link DacPlan}: CSV for people (a header with units), {@code .mem} hex
 * for {@code $readmemh} in a digital DAC controller, JSON for tools.
 */
public final class DacTables {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DacTables() {
    }

    /** One row per test sample and oscillator: target, exact current, code, the code's current and frequency. */
    public static String biasCsv(DacPlan plan, int[] labels, List<String> classNames) {
        StringBuilder csv = new StringBuilder(
                "sample,label,oscillator,target_MHz,exact_mA,code,dac_mA,realised_MHz,error_kHz\n");
        int n = plan.oscillators();
        for (int r = 0; r < plan.samples(); r++) {
            for (int i = 0; i < n; i++) {
                int e = r * n + i;
                csv.append(String.format(Locale.ROOT, "%d,%s,%d,%.6f,%.6f,%d,%.6f,%.6f,%.3f%n", r,
                        classNames.get(labels[r]), i, plan.targetHz()[e] / 1e6, plan.exactAmps()[e] * 1e3,
                        plan.codes()[e], plan.codeAmps(plan.codes()[e]) * 1e3, plan.realisedHz()[e] / 1e6,
                        (plan.realisedHz()[e] - plan.targetHz()[e]) / 1e3));
            }
        }
        return csv.toString();
    }

    /** One row per oscillator: the linearised programme I = I_op + Σ_p G_p (x_p − x_op,p). */
    public static String weightsCsv(DacPlan plan) {
        StringBuilder csv = new StringBuilder("oscillator,operating_mA,operating_code,slope_MHz_per_mA");
        for (int p = 0; p < plan.features(); p++) {
            csv.append(",x_op").append(p);
        }
        for (int p = 0; p < plan.features(); p++) {
            csv.append(",G").append(p).append("_mA");
        }
        csv.append('\n');
        for (int i = 0; i < plan.oscillators(); i++) {
            csv.append(String.format(Locale.ROOT, "%d,%.6f,%d,%.4f", i, plan.operatingAmps()[i] * 1e3,
                    plan.operatingCodes()[i], plan.devices()[i].slope(plan.operatingAmps()[i]) / 1e9));
            for (int p = 0; p < plan.features(); p++) {
                csv.append(String.format(Locale.ROOT, ",%.6f", plan.operatingInputs()[p]));
            }
            for (int p = 0; p < plan.features(); p++) {
                csv.append(String.format(Locale.ROOT, ",%.6f", plan.weightAmps()[i * plan.features() + p] * 1e3));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** Codes for {@code $readmemh}: address = sample × oscillators + oscillator. */
    public static String mem(DacPlan plan, String version, String source) {
        int digits = (plan.bits() + 3) / 4;
        StringBuilder mem = memHeader(plan, version, source, String.format(Locale.ROOT,
                "%d test samples x %d oscillators; address = sample * %d + oscillator", plan.samples(),
                plan.oscillators(), plan.oscillators()));
        for (int r = 0; r < plan.samples(); r++) {
            for (int i = 0; i < plan.oscillators(); i++) {
                mem.append(String.format(Locale.ROOT, "%0" + digits + "x", plan.codes()[r * plan.oscillators() + i]));
                mem.append(i + 1 < plan.oscillators() ? " " : String.format(Locale.ROOT, "  // sample %d%n", r));
            }
        }
        return mem.toString();
    }

    /** Everything, for tools: device, DAC, operating point, weights, errors, accuracies, per-sample codes. */
    public static String json(DacPlan plan, String version, String source, String calibration, int[] labels,
            List<String> classNames, Map<String, Double> accuracies) {
        ObjectNode root = head("oscnet.dac/1", plan, version, source, calibration);
        ObjectNode errors = (ObjectNode) root.get("errors_hz");
        errors.put("linearisation_max", plan.linearisationMaxHz());
        errors.put("linearisation_rms", plan.linearisationRmsHz());
        ObjectNode accuracy = root.putObject("test_accuracy");
        accuracies.forEach(accuracy::put);
        ObjectNode linear = root.putObject("linearised");
        array(linear.putArray("operating_inputs"), plan.operatingInputs());
        array(linear.putArray("operating_a"), plan.operatingAmps());
        ArrayNode codes = linear.putArray("operating_codes");
        for (int c : plan.operatingCodes()) {
            codes.add(c);
        }
        ArrayNode weights = linear.putArray("weights_a_per_unit");
        for (int i = 0; i < plan.oscillators(); i++) {
            array(weights.addArray(), java.util.Arrays.copyOfRange(plan.weightAmps(), i * plan.features(),
                    (i + 1) * plan.features()));
        }
        ArrayNode samples = root.putArray("samples");
        int n = plan.oscillators();
        for (int r = 0; r < plan.samples(); r++) {
            ObjectNode s = samples.addObject();
            s.put("row", r);
            s.put("label", classNames.get(labels[r]));
            array(s.putArray("target_hz"), java.util.Arrays.copyOfRange(plan.targetHz(), r * n, (r + 1) * n));
            ArrayNode c = s.putArray("codes");
            for (int i = 0; i < n; i++) {
                c.add(plan.codes()[r * n + i]);
            }
            array(s.putArray("realised_hz"), java.util.Arrays.copyOfRange(plan.realisedHz(), r * n, (r + 1) * n));
        }
        return render(root);
    }

    /**
     * The bias of oscillators whose frequency does not depend on the input (a {@link DacPlan} of one
     * sample, as {@code stuart_landau} networks have): one row per oscillator with its role, its
     * natural-frequency offset from the mean in the model's units, the current, the code, the
     * frequency the code gives, and the power and amplitude the device oscillates with there.
     *
     * @param amplitudeRatios each device's free-running amplitude at its code over the nominal
     *     device's at the mean frequency
     */
    public static String unitsCsv(DacPlan plan, List<String> roles, double meanHz, double[] powers,
            double[] amplitudeRatios) {
        StringBuilder csv = new StringBuilder("unit,role,target_MHz,target_offset,exact_mA,code,dac_mA,realised_MHz,"
                + "realised_offset,error_kHz,power,amplitude_ratio\n");
        for (int i = 0; i < plan.oscillators(); i++) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%.6f,%.6e,%.6f,%d,%.6f,%.6f,%.6e,%.3f,%.6f,%.6f%n", i,
                    roles.get(i), plan.targetHz()[i] / 1e6, plan.targetHz()[i] / meanHz - 1, plan.exactAmps()[i] * 1e3,
                    plan.codes()[i], plan.codeAmps(plan.codes()[i]) * 1e3, plan.realisedHz()[i] / 1e6,
                    plan.realisedHz()[i] / meanHz - 1, (plan.realisedHz()[i] - plan.targetHz()[i]) / 1e3, powers[i],
                    amplitudeRatios[i]));
        }
        return csv.toString();
    }

    /** Codes for {@code $readmemh}, one per oscillator: address = oscillator. */
    public static String unitsMem(DacPlan plan, String version, String source) {
        int digits = (plan.bits() + 3) / 4;
        StringBuilder mem = memHeader(plan, version, source, plan.oscillators() + " oscillators; address = oscillator");
        for (int i = 0; i < plan.oscillators(); i++) {
            mem.append(String.format(Locale.ROOT, "%0" + digits + "x  // oscillator %d%n", plan.codes()[i], i));
        }
        return mem.toString();
    }

    /**
     * The JSON of {@link #unitsCsv}'s plan: DAC, devices, errors, accuracies, and whatever the
     * family adds under {@code extra} (its mapping of model units to hertz, its spread study).
     */
    public static String unitsJson(String schema, DacPlan plan, String version, String source, String calibration,
            Map<String, Double> accuracies, java.util.function.Consumer<ObjectNode> extra) {
        ObjectNode root = head(schema, plan, version, source, calibration);
        accuracies.forEach(root.putObject("test_accuracy")::put);
        ArrayNode codes = root.putArray("codes");
        for (int c : plan.codes()) {
            codes.add(c);
        }
        array(root.putArray("target_hz"), plan.targetHz());
        array(root.putArray("realised_hz"), plan.realisedHz());
        extra.accept(root);
        return render(root);
    }

    /** The two comment lines that open a {@code .mem} file: provenance, then code width, LSB and {@code layout}. */
    private static StringBuilder memHeader(DacPlan plan, String version, String source, String layout) {
        StringBuilder mem = new StringBuilder();
        mem.append("// Bias DAC codes of `").append(plan.name()).append("`, generated by oscnet ").append(version)
                .append(" from ").append(source).append(".\n");
        mem.append(String.format(Locale.ROOT, "// %d-bit codes, LSB %.6f uA; %s.%n", plan.bits(), plan.lsbAmps() * 1e6,
                layout));
        return mem;
    }

    private static ObjectNode head(String schema, DacPlan plan, String version, String source, String calibration) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", schema);
        root.put("oscnet", version);
        root.put("source", source);
        root.put("network", plan.name());
        ObjectNode dac = root.putObject("dac");
        dac.put("bits", plan.bits());
        dac.put("full_scale_a", plan.fullScaleAmps());
        dac.put("lsb_a", plan.lsbAmps());
        dac.put("max_code", plan.maxCode());
        root.put("calibration", calibration);
        ArrayNode devices = root.putArray("devices");
        for (Stno d : plan.devices()) {
            devices.addObject().put("f0_hz", d.f0Hz()).put("nonlinearity_hz", d.nonlinearityHz())
                    .put("threshold_a", d.thresholdAmps()).put("q", d.q()).put("damping_hz", d.dampingHz());
        }
        ObjectNode errors = root.putObject("errors_hz");
        errors.put("dac_quantization_max", plan.quantizationMaxHz());
        errors.put("dac_quantization_bound", plan.quantizationBoundHz());
        return root;
    }

    private static String render(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends every value to a JSON array. */
    public static void array(ArrayNode node, double[] values) {
        for (double v : values) {
            node.add(v);
        }
    }
}
