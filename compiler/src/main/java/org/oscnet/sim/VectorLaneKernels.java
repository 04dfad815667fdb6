package org.oscnet.sim;

import static org.oscnet.sim.RecurrentSimulator.LANES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The element-by-element {@link LaneKernels} with the Vector API, shared by both widths of the
 * sums: every operation is a separate lane-wise multiplication, addition or subtraction, in the
 * order of {@link ScalarLaneKernels}' expressions, so each element is rounded as there and the
 * results are bit-identical. These loops do not care which lane an element belongs to, so they use
 * the machine's preferred vectors (at most {@link RecurrentSimulator#LANES} doubles, which keeps
 * every count a whole number of vectors). The species is a static constant: the JIT compiles
 * Vector API code to vector instructions only then.
 */
abstract class VectorLaneKernels implements LaneKernels {
    private static final VectorSpecies<Double> ELEMENTS = DoubleVector.SPECIES_PREFERRED.length() <= LANES
            ? DoubleVector.SPECIES_PREFERRED : DoubleVector.SPECIES_512;
    private static final int STEP = ELEMENTS.length();

    private static DoubleVector at(double[] a, int i) {
        return DoubleVector.fromArray(ELEMENTS, a, i);
    }

    @Override
    public void scaleShift(double[] v, int count, double scale, double shift) {
        for (int i = 0; i < count; i += STEP) {
            at(v, i).mul(scale).add(shift).intoArray(v, i);
        }
    }

    @Override
    public void stnoRates(double[] s, int at, double[] drive, double[] rates, int count, double gamma, double omega) {
        for (int i = 0; i < count; i += STEP) {
            DoubleVector x = at(s, at + i);
            DoubleVector fx = x.mul(-gamma).add(at(drive, i).mul(x).mul(x.neg().add(1)));
            fx.intoArray(rates, i);
            at(s, at + count + i).mul(-omega).add(fx).intoArray(rates, count + i);
        }
    }

    @Override
    public void ctrnnRates(double[] s, int at, double[] drive, double[] rates, int count, double gamma) {
        for (int i = 0; i < count; i += STEP) {
            at(s, at + i).mul(-gamma).add(at(drive, i)).intoArray(rates, i);
        }
    }

    @Override
    public void eulerStep(double[] s, int from, double[] k, double dt, double[] out, int to, int count) {
        for (int i = 0; i < count; i += STEP) {
            at(s, from + i).add(at(k, i).mul(dt)).intoArray(out, to + i);
        }
    }

    @Override
    public void heunStep(double[] s, int from, double[] k1, double[] k2, double halfStep, double[] out, int to,
            int count) {
        for (int i = 0; i < count; i += STEP) {
            at(s, from + i).add(at(k1, i).add(at(k2, i)).mul(halfStep)).intoArray(out, to + i);
        }
    }

    @Override
    public void stnoAdjoint(double[] s, int at, double[] drives, int driveAt, double[] v, double[] lambda,
            double[] driveCotangent, int count, double gamma, double omega, double gain) {
        for (int i = 0; i < count; i += STEP) {
            DoubleVector x = at(s, at + i);
            DoubleVector vy = at(v, count + i);
            DoubleVector g = at(v, i).add(vy);
            DoubleVector slope = at(drives, driveAt + i).mul(x.mul(2).neg().add(1)).add(-gamma);
            at(lambda, i).add(g.mul(slope)).intoArray(lambda, i);
            at(lambda, count + i).sub(vy.mul(omega)).intoArray(lambda, count + i);
            g.mul(gain).mul(x.mul(x.neg().add(1))).intoArray(driveCotangent, i);
        }
    }

    @Override
    public void ctrnnAdjoint(double[] v, double[] lambda, double[] driveCotangent, int count, double gamma,
            double gain) {
        for (int i = 0; i < count; i += STEP) {
            DoubleVector g = at(v, i);
            at(lambda, i).add(g.mul(-gamma)).intoArray(lambda, i);
            g.mul(gain).intoArray(driveCotangent, i);
        }
    }

    @Override
    public void add(double[] a, double[] into, int intoAt, int count) {
        for (int i = 0; i < count; i += STEP) {
            at(into, intoAt + i).add(at(a, i)).intoArray(into, intoAt + i);
        }
    }

    @Override
    public void scaled(double[] a, double fa, double[] out, int count) {
        for (int i = 0; i < count; i += STEP) {
            at(a, i).mul(fa).intoArray(out, i);
        }
    }

    @Override
    public void scaledSum(double[] a, double fa, double[] b, double fb, double[] out, int count) {
        for (int i = 0; i < count; i += STEP) {
            at(a, i).mul(fa).add(at(b, i).mul(fb)).intoArray(out, i);
        }
    }

    /** {@link Tanh#tanh}, operation for operation. */
    @Override
    public void tanh(double[] x, int at, double[] out, int outAt, int count) {
        double[] taylor = Tanh.TAYLOR;
        for (int i = 0; i < count; i += STEP) {
            DoubleVector v = at(x, at + i).mul(2).min(Tanh.LIMIT).max(-Tanh.LIMIT);
            DoubleVector t = v.mul(Tanh.INV_LN2).add(Tanh.SHIFTER);
            DoubleVector k = t.sub(Tanh.SHIFTER);
            DoubleVector r = v.sub(k.mul(Tanh.LN2_HI)).sub(k.mul(Tanh.LN2_LO));
            DoubleVector p = DoubleVector.broadcast(ELEMENTS, taylor[taylor.length - 1]);
            for (int n = taylor.length - 2; n >= 0; n--) {
                p = p.mul(r).add(taylor[n]);
            }
            DoubleVector twoToK = t.reinterpretAsLongs().sub(Tanh.SHIFTER_BITS - 1023)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector.broadcast(ELEMENTS, 1).sub(DoubleVector.broadcast(ELEMENTS, 2).div(p.mul(twoToK).add(1)))
                    .intoArray(out, outAt + i);
        }
    }

    @Override
    public void tanhAdjoint(double[] o, double[] c, double[] lambda, int count) {
        for (int i = 0; i < count; i += STEP) {
            DoubleVector out = at(o, i);
            at(lambda, i).add(at(c, i).mul(out.mul(out).neg().add(1))).intoArray(lambda, i);
        }
    }
}
