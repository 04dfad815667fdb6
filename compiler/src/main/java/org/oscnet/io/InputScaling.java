package org.oscnet.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oscnet.model.FeatureMap;

/**
 * How raw data rows become the values training saw, as trained files, {@code hw.json} and the
 * generated README record it: {@code scaled[f] = target_low + (raw[f] - low[f]) * gain[f]} (the
 * dataset's {@link FeatureMap}: the training set's minima and the gains to the target range).
 */
public record InputScaling(String formula, double targetLow, double[] low, double[] gain) {
    public static final String FORMULA = "scaled[f] = target_low + (raw[f] - low[f]) * gain[f]";

    public static InputScaling of(FeatureMap map) {
        return new InputScaling(FORMULA, map.targetLow(), map.low(), map.gain());
    }

    /** Six significant digits without trailing zeros. */
    public static String shortest(double value) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", value)).stripTrailingZeros()
                .toPlainString();
    }

    /** One row per feature for a Markdown table: index, low and gain as text. */
    public List<Map<String, String>> rows() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int f = 0; f < low.length; f++) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("feature", Integer.toString(f));
            row.put("low", shortest(low[f]));
            row.put("gain", shortest(gain[f]));
            rows.add(row);
        }
        return rows;
    }
}
