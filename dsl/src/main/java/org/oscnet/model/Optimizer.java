package org.oscnet.model;

/**
 * The parameter update. The learning rate at epoch e is {@code learningRate / (1 + e / decayEpochs)}
 * when {@code decayEpochs > 0}, else constant.
 */
public record Optimizer(Kind kind, double learningRate, double beta1, double beta2, double epsilon,
        double decayEpochs) {

    /** Plain gradient steps or Adam. */
    public enum Kind { SGD, ADAM }

    /**
     * How a report names this update, the schedule counted in {@code unit}: {@code "SGD lr 0.03"},
     * {@code "Adam lr 0.001 / (1 + step / 300)"}.
     */
    public String describe(String unit) {
        String rate = (kind == Kind.ADAM ? "Adam" : "SGD") + " lr " + plain(learningRate);
        return decayEpochs > 0 ? rate + " / (1 + " + unit + " / " + plain(decayEpochs) + ")" : rate;
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
