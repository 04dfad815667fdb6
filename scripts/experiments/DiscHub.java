import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.oscnet.sim.Coupling;
import org.oscnet.sim.KuramotoSimulator;

/**
 * Experiment behind the note on issue 4 (not part of the product): how far can the extended
 * classifier (N = 6, F = W [x; 1], output pair 4 and 5) get on the off-diagonal disc when its
 * weights are placed by hand and searched without gradients?
 *
 * <p>Start: a "hub" of oscillators 0..3 at 590 MHz; oscillator 4 follows x0 and oscillator 5
 * follows x1 at 250 MHz per unit, each reaching 590 MHz at the disc's centre (0.7, 0.3). The
 * pair synchronises where both lock to the hub: a rounded box. Then a (1+1) evolution strategy
 * (seeded, step size adapted by success) perturbs about 30 % of the 18 weights per trial and
 * keeps a trial when its accuracy is at least as good. Accuracy is on all 1156 grid points,
 * one phase draw (seed 1, run 0), the paper's simulation (dt 10 ps, 1 µs, last half read out).
 *
 * <p>Superseded for the product by {@code init shapes} ({@code train.ShapeStarts}): there the
 * four other oscillators form a star around the positives instead of a constant hub, and the
 * start alone scores 99.7 % on this grid without any search.
 *
 * <p>Run from the repository root after {@code mvn install -DskipTests}:
 * {@code java -cp compiler/target/oscnet.jar scripts/experiments/DiscHub.java data/disc.csv 400}
 * (about 10 minutes on 2 cores). It prints each improvement, the final weights in MHz, and the
 * final response map ('#' true positive, '+' false positive, 'o' missed, '.' true negative).
 */
public class DiscHub {
    private static final int N = 6;
    private static final KuramotoSimulator SIMULATOR =
            new KuramotoSimulator(N, new Coupling.Uniform(10e6), 1e-11, 100000, 50000, 0, true, 590e6, true);

    public static void main(String[] args) throws Exception {
        double[][] data = load(Path.of(args[0]));
        int evaluations = Integer.parseInt(args[1]);
        double[][] w = new double[N][];
        double centre = 590;
        double gain = 250;
        for (int i = 0; i < 4; i++) {
            w[i] = new double[] {0, 0, centre};
        }
        w[4] = new double[] {gain, 0, centre - gain * 0.7};
        w[5] = new double[] {0, gain, centre - gain * 0.3};
        Random random = new Random(1);
        double best = accuracy(data, w, false);
        System.out.printf("hub start: %.4f%n", best);
        double sigma = 20;
        for (int e = 0; e < evaluations; e++) {
            double[][] trial = new double[N][3];
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < 3; j++) {
                    trial[i][j] = w[i][j] + sigma * random.nextGaussian() * (random.nextDouble() < 0.3 ? 1 : 0);
                }
            }
            double acc = accuracy(data, trial, false);
            if (acc >= best) {
                if (acc > best) {
                    System.out.printf("evaluation %d: %.4f (step %.1f MHz)%n", e, acc, sigma);
                }
                best = acc;
                w = trial;
                sigma *= 1.1;
            } else {
                sigma *= 0.97;
            }
            sigma = Math.max(2, Math.min(60, sigma));
        }
        System.out.println("weights (MHz per unit of x0, x1; bias MHz):");
        for (double[] row : w) {
            System.out.printf("  %9.3f %9.3f %9.3f%n", row[0], row[1], row[2]);
        }
        System.out.printf("final: %.4f%n", accuracy(data, w, true));
    }

    static double[][] load(Path file) throws java.io.IOException {
        List<String> lines = Files.readAllLines(file);
        double[][] rows = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] p = lines.get(i).split(",");
            rows[i - 1] = new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2])};
        }
        return rows;
    }

    /** Accuracy of weights {@code w} (MHz; F = w0 x0 + w1 x1 + w2, clipped to 500..680 MHz). */
    static double accuracy(double[][] data, double[][] w, boolean printMap) {
        int m = data.length;
        double[] natural = new double[m * N];
        for (int b = 0; b < m; b++) {
            for (int i = 0; i < N; i++) {
                double f = (w[i][0] * data[b][0] + w[i][1] * data[b][1] + w[i][2]) * 1e6;
                natural[b * N + i] = Math.min(680e6, Math.max(500e6, f));
            }
        }
        double[] mean = SIMULATOR.meanFrequencies(natural, m, 1, 0);
        int correct = 0;
        StringBuilder map = new StringBuilder();
        for (int b = 0; b < m; b++) {
            boolean sync = Math.abs(mean[b * N + 4] - mean[b * N + 5]) <= 5e6; // D <= 1, D in units of k/2
            boolean positive = data[b][2] == 1;
            correct += sync == positive ? 1 : 0;
            map.append(sync ? (positive ? '#' : '+') : (positive ? 'o' : '.'));
            if ((b + 1) % 34 == 0) {
                map.append('\n');
            }
        }
        if (printMap) {
            String[] rows = map.toString().split("\n");
            for (int r = rows.length - 1; r >= 0; r--) {
                System.out.println(rows[r]);
            }
        }
        return (double) correct / m;
    }
}
