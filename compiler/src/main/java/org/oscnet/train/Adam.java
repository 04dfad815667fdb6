package org.oscnet.train;

import org.oscnet.model.Optimizer;

/** Adam (Kingma and Ba) or plain gradient steps, over a flat parameter vector. */
final class Adam {
    private final Optimizer settings;
    private final double[] m;
    private final double[] v;
    private int t;

    Adam(Optimizer settings, int size) {
        this.settings = settings;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** One update of {@code params} against {@code gradient}, at epoch {@code epoch} of the schedule. */
    void step(double[] params, double[] gradient, double epoch) {
        step(params, gradient, epoch, 1);
    }

    /**
     * As {@link #step(double[], double[], double)} with the learning rate multiplied by {@code scale}
     * (warm-up); returns the learning rate it used.
     */
    double step(double[] params, double[] gradient, double epoch, double scale) {
        double lr = settings.learningRate() * scale;
        if (settings.decayEpochs() > 0) {
            lr /= 1 + epoch / settings.decayEpochs();
        }
        if (settings.kind() == Optimizer.Kind.SGD) {
            for (int i = 0; i < params.length; i++) {
                params[i] -= lr * gradient[i];
            }
            return lr;
        }
        t++;
        double b1 = settings.beta1();
        double b2 = settings.beta2();
        double correction1 = 1 - Math.pow(b1, t);
        double correction2 = 1 - Math.pow(b2, t);
        for (int i = 0; i < params.length; i++) {
            m[i] = b1 * m[i] + (1 - b1) * gradient[i];
            v[i] = b2 * v[i] + (1 - b2) * gradient[i] * gradient[i];
            params[i] -= lr * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + settings.epsilon());
        }
        return lr;
    }
}
