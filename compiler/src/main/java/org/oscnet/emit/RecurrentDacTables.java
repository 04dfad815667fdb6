package org.oscnet.emit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.StnoRnnNetwork;
import org.oscnet.quantize.RecurrentDac;

/** The DAC tables of a {@code stno_rnn} network as CSV and JSON text. */
public final class RecurrentDacTables {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RecurrentDacTables() {
    }

    /** One row per neuron: layer, index, exact bias current, code, coded current. */
    public static String biases(RecurrentDac.Plan plan) {
        StringBuilder csv = new StringBuilder("layer,neuron,bias_a,code,coded_a\n");
        for (RecurrentDac.Entry e : plan.biases()) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%.9e,%d,%.9e%n", e.layer(), e.to(), e.exactAmps(), e.code(),
                    e.codedAmps()));
        }
        return csv.toString();
    }

    /** One row per kept weight: kind (input, inter, intra), layer, to, from, gain in A per unit output, code. */
    public static String synapses(RecurrentDac.Plan plan) {
        StringBuilder csv = new StringBuilder("kind,layer,to,from,gain_a_per_unit,code,coded_a_per_unit\n");
        for (RecurrentDac.Entry e : plan.synapses()) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.9e,%d,%.9e%n", e.kind(), e.layer(), e.to(), e.from(),
                    e.exactAmps(), e.code(), e.codedAmps()));
        }
        return csv.toString();
    }

    public static String json(StnoRnnNetwork network, HardwareTarget.Dac dac, RecurrentDac.Plan plan,
            double floatAccuracy, double dacAccuracy, int testRows, int synapses, double joules, String version,
            String source) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", "oscnet.dac-stno_rnn/1");
        root.put("oscnet", version);
        root.put("source", source);
        root.put("network", network.name());
        root.put("bits", dac.bits());
        root.put("full_scale_a", dac.fullScaleAmps());
        root.put("lsb_a", plan.lsbAmps());
        root.put("threshold_a", dac.device().thresholdAmps());
        root.put("amps_per_unit_drive_ns", plan.ampsPerDrive());
        root.put("bias_coding", "unsigned, 0 .. full scale");
        root.put("gain_coding", "sign and magnitude, +-full scale per unit of the presynaptic output");
        root.put("readout", "digital, float (not coded)");
        root.put("bias_error_max_a", plan.biasErrorMaxAmps());
        root.put("gain_error_max_a", plan.gainErrorMaxAmps());
        ObjectNode accuracy = root.putObject("test_accuracy");
        accuracy.put("float", floatAccuracy);
        accuracy.put("dac_coded", dacAccuracy);
        accuracy.put("test_rows", testRows);
        ObjectNode energy = root.putObject("energy");
        energy.put("neurons", network.neurons());
        energy.put("synapses", synapses);
        energy.put("joules_per_sequence", joules);
        energy.put("model", "neurons x 100 fJ + synapses x 10 fJ (seed paper 2)");
        ArrayNode codes = root.putArray("bias_codes");
        plan.biases().forEach(e -> codes.add(e.code()));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
