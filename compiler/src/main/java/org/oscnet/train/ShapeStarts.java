package org.oscnet.train;

import java.util.ArrayList;
import java.util.List;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Samples;

/**
 * Network shapes fitted to the training data, the candidate starts of {@code init shapes}. Each
 * uses the oscillators that are not in the (single) output pair as "hidden" oscillators, and
 * every size below is in units of the coupling k, because the locking ranges scale with k.
 *
 * <p><b>Hub</b>, for a compact region of positives: the hidden oscillators form a star in the
 * plane of two features, oscillator m following the direction at {@code 180°·m/h} with gain
 * {@code G}, all at mid-band at the positives' centroid. The pair sits at mid-band ± Δ/2 with no
 * input, Δ beyond what the pair can lock alone (2k); it synchronises only through the hub, and
 * the hub holds together only while its members stay within a few k of each other: inside a
 * round region of radius about {@code 4k/G}. (Off-diagonal disc, 1156 points, seed 1: the start
 * chosen, G = 202.5 MHz per unit and Δ = 64 MHz, about 4.15k/r and 6.4k, scores 99.6 %.)
 *
 * <p><b>Union of half-planes</b>, for positives outside a convex region: one member of the pair
 * sits on the bottom of the tuning range, the other Δ ≈ 2.6k above it, just beyond the
 * two-oscillator locking range 2k but within the range 3k where a second oscillator on the
 * bottom lets them lock. Each hidden oscillator is clipped to the bottom on the positive side
 * of one half-plane and climbs steeply away on the other, so the pair synchronises wherever at
 * least one half-plane holds. The half-planes are chosen greedily: each is the one, among the
 * feature axes and the directions every 2° in the plane of two features, that covers the most
 * not yet covered positives while holding no negative of the training set. (Concave region,
 * seed 1: four half-planes along its arc, Δ = 29 MHz, score 99.5 %.)
 */
final class ShapeStarts {
    private static final double[] HUB_RADIUS_K = {3.5, 4.15, 4.8};
    private static final double[] HUB_DETUNING_K = {5.8, 6.4, 7.0};
    private static final double[] UNION_DETUNING_K = {2.3, 2.6, 2.9};
    /** Fraction of the data's extent along a half-plane's normal over which its oscillator leaves the bottom. */
    private static final double[] UNION_EDGE = {0.01, 0.003};

    /** A candidate start: parameters in the {@link FrequencyMap}'s units, and what it is. */
    record Start(String description, double[] params) {
    }

    private ShapeStarts() {
    }

    /** The candidates for {@code network}; none unless it is extended with one output pair and two hidden oscillators. */
    static List<Start> candidates(KuramotoNetwork network, FrequencyMap map, Samples train) {
        List<Start> starts = new ArrayList<>();
        int n = network.oscillators();
        if (!map.extended() || network.outputs().size() != 1 || n < 4) {
            return starts;
        }
        KuramotoNetwork.OutputPair pair = network.outputs().get(0);
        int[] hidden = java.util.stream.IntStream.range(0, n)
                .filter(i -> i != pair.first() && i != pair.second()).toArray();
        Geometry geometry = new Geometry(network, map, train, pair, hidden);
        int features = train.featureCount();
        for (int i = 0; i < features; i++) {
            for (int j = i + 1; j < features; j++) {
                for (double radius : HUB_RADIUS_K) {
                    for (double detuning : HUB_DETUNING_K) {
                        starts.add(geometry.hub(i, j, radius, detuning));
                    }
                }
            }
        }
        List<HalfPlane> halfPlanes = unionOfHalfPlanes(train, pair.syncClass(), hidden.length);
        if (!halfPlanes.isEmpty()) {
            for (double detuning : UNION_DETUNING_K) {
                for (double edge : UNION_EDGE) {
                    starts.add(geometry.union(halfPlanes, detuning, edge));
                }
            }
        }
        return starts;
    }

    /** Positive where {@code normal · x > threshold}; {@code extent} is the data's spread along the normal. */
    record HalfPlane(double[] normal, double threshold, double extent) {
    }

    /**
     * Up to {@code count} half-planes that hold no negative of the training set, chosen greedily
     * to cover the most positives not yet covered; empty if none covers a positive.
     */
    static List<HalfPlane> unionOfHalfPlanes(Samples train, int positiveClass, int count) {
        int rows = train.size();
        List<HalfPlane> pure = new ArrayList<>(); // the widest negative-free half-plane along each direction
        List<double[]> projections = new ArrayList<>();
        for (double[] axis : Initialiser.slabDirections(train.featureCount())) {
            for (double[] d : List.of(axis, java.util.Arrays.stream(axis).map(v -> -v).toArray())) {
                double[] p = Initialiser.project(train, d);
                double maxNegative = Double.NEGATIVE_INFINITY;
                double nearestPositive = Double.POSITIVE_INFINITY;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < rows; r++) {
                    if (train.label(r) != positiveClass) {
                        maxNegative = Math.max(maxNegative, p[r]);
                    }
                    min = Math.min(min, p[r]);
                    max = Math.max(max, p[r]);
                }
                for (int r = 0; r < rows; r++) {
                    if (train.label(r) == positiveClass && p[r] > maxNegative) {
                        nearestPositive = Math.min(nearestPositive, p[r]);
                    }
                }
                if (maxNegative > Double.NEGATIVE_INFINITY && nearestPositive < Double.POSITIVE_INFINITY) {
                    pure.add(new HalfPlane(d, (maxNegative + nearestPositive) / 2, Math.max(max - min, 1e-9)));
                    projections.add(p);
                }
            }
        }
        boolean[] covered = new boolean[rows];
        List<HalfPlane> chosen = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int best = -1;
            int bestGain = 0;
            for (int h = 0; h < pure.size(); h++) {
                double[] p = projections.get(h);
                int gain = 0;
                for (int r = 0; r < rows; r++) {
                    gain += !covered[r] && train.label(r) == positiveClass && p[r] > pure.get(h).threshold() ? 1 : 0;
                }
                if (gain > bestGain) {
                    bestGain = gain;
                    best = h;
                }
            }
            if (best < 0) {
                break;
            }
            double[] p = projections.get(best);
            for (int r = 0; r < rows; r++) {
                covered[r] |= train.label(r) == positiveClass && p[r] > pure.get(best).threshold();
            }
            chosen.add(pure.get(best));
        }
        return chosen;
    }

    /** Builds parameter vectors for one network and training set. */
    private static final class Geometry {
        private final int features;
        private final int stride;
        private final int parameterCount;
        private final double unitHz;
        private final double k; // the coupling, in parameter units
        private final double middle; // mid-band, in parameter units
        private final KuramotoNetwork.OutputPair pair;
        private final int[] hidden;
        private final Samples train;
        private final double[] centroid; // of the positives

        Geometry(KuramotoNetwork network, FrequencyMap map, Samples train, KuramotoNetwork.OutputPair pair,
                int[] hidden) {
            this.features = train.featureCount();
            this.stride = features + 1;
            this.parameterCount = map.parameterCount();
            this.unitHz = map.unitHz();
            this.k = network.couplingHz() / map.unitHz();
            this.middle = map.spanHz() / map.unitHz() / 2;
            this.pair = pair;
            this.hidden = hidden;
            this.train = train;
            this.centroid = new double[features];
            int positives = 0;
            for (int r = 0; r < train.size(); r++) {
                if (train.label(r) == pair.syncClass()) {
                    positives++;
                    for (int f = 0; f < features; f++) {
                        centroid[f] += train.feature(r, f);
                    }
                }
            }
            for (int f = 0; f < features; f++) {
                centroid[f] /= Math.max(1, positives);
            }
        }

        Start hub(int a, int b, double radiusK, double detuningK) {
            double ca = centroid[a];
            double cb = centroid[b];
            double spread = 0;
            int positives = 0;
            for (int r = 0; r < train.size(); r++) {
                if (train.label(r) == pair.syncClass()) {
                    positives++;
                    double da = train.feature(r, a) - ca;
                    double db = train.feature(r, b) - cb;
                    spread += da * da + db * db;
                }
            }
            // For positives filling a disc of radius R, the mean squared distance is R²/2.
            double radius = Math.max(1e-6, Math.sqrt(2 * spread / Math.max(1, positives)));
            double gain = radiusK * k / radius;
            double[] params = new double[parameterCount];
            for (int m = 0; m < hidden.length; m++) {
                double angle = Math.PI * m / hidden.length;
                int row = hidden[m] * stride;
                params[row + a] = gain * Math.cos(angle);
                params[row + b] = gain * Math.sin(angle);
                params[row + features] = middle - params[row + a] * ca - params[row + b] * cb;
            }
            params[pair.first() * stride + features] = middle - detuningK * k / 2;
            params[pair.second() * stride + features] = middle + detuningK * k / 2;
            return new Start(String.format(java.util.Locale.ROOT,
                    "hub on features %d and %d around (%.3g, %.3g), gain %.4g MHz per unit, pair detuned %.3g MHz",
                    a, b, ca, cb, gain * unitHz / 1e6, detuningK * k * unitHz / 1e6), params);
        }

        Start union(List<HalfPlane> halfPlanes, double detuningK, double edge) {
            double[] params = new double[parameterCount];
            double top = 2 * middle;
            for (int m = 0; m < hidden.length; m++) {
                int row = hidden[m] * stride;
                if (m >= halfPlanes.size()) {
                    params[row + features] = top; // unused: parked on top of the range
                    continue;
                }
                HalfPlane h = halfPlanes.get(m);
                // Rises by (Δ + 2k), beyond where it helps the pair lock, over edge × extent, centred on the threshold.
                double rise = detuningK * k + 2 * k;
                double slope = rise / (edge * h.extent());
                for (int f = 0; f < features; f++) {
                    params[row + f] = -slope * h.normal()[f];
                }
                params[row + features] = slope * h.threshold() + rise / 2;
            }
            params[pair.first() * stride + features] = -k; // clipped to the bottom of the range
            params[pair.second() * stride + features] = detuningK * k;
            return new Start(String.format(java.util.Locale.ROOT,
                    "union of %d half-planes, edge %.3g of the data's extent, pair detuned %.3g MHz",
                    halfPlanes.size(), edge, detuningK * k * unitHz / 1e6), params);
        }
    }
}
