/*
 * C + OpenMP baseline for `oscnet bench --c`: the compute of `oscnet train` on a Kuramoto
 * classifier trained by the offline gradient rule (seed paper 1), written as a C programmer
 * would: each iteration simulates the batch from random phases with forward-mode
 * sensitivities d(theta_i)/d(F_m) through every Euler step (uniform coupling, mean-field form),
 * in parallel over the batch. Batch 90, T = 1 us, dt = 10 ps (100 000 steps), read-out over the
 * last half. The Adam step on the gradient costs microseconds and is left out.
 *
 * Trigonometry: libm sin/cos by default; with -DTABLE_TRIG the same 4096-point interpolated
 * table oscnet uses (FastTrig), so the two programs do the same arithmetic.
 *
 * Build and run (what `oscnet bench --c` does):
 *   gcc -O3 -march=native -fopenmp scripts/kuramoto_train.c -o kuramoto_train -lm
 *   ./kuramoto_train N BATCH ITERATIONS
 * Prints one JSON line like the Java cases.
 */
#include <math.h>
#include <omp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STEPS 100000L
#define DT 10e-12
#define K_HZ 10e6
#define CENTRE_HZ 590e6

#ifdef TABLE_TRIG
#define TABLE 4096
static double sin_table[TABLE + TABLE / 4 + 1];
static double slope[TABLE + TABLE / 4];
static void trig_init(void) {
    for (int i = 0; i < TABLE + TABLE / 4 + 1; i++) sin_table[i] = sin(2 * M_PI * i / TABLE);
    for (int i = 0; i < TABLE + TABLE / 4; i++) slope[i] = sin_table[i + 1] - sin_table[i];
}
static inline double sin_turns(double t) {
    double x = t * TABLE;
    int i = (int) x;
    return sin_table[i] + slope[i] * (x - i);
}
static inline double cos_turns(double t) {
    double x = t * TABLE;
    int i = (int) x;
    return sin_table[i + TABLE / 4] + slope[i + TABLE / 4] * (x - i);
}
#define TRIG "table"
#else
static void trig_init(void) {}
static inline double sin_turns(double t) { return sin(2 * M_PI * t); }
static inline double cos_turns(double t) { return cos(2 * M_PI * t); }
#define TRIG "libm"
#endif

/* xorshift64*: a per-example stream, so results do not depend on the thread count. */
static double uniform(uint64_t *s) {
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (double) ((*s * 2685821657736338717ULL) >> 11) * 0x1.0p-53;
}

/* One example: mean frequencies and their Jacobian d(mean f_i)/d(F_m). */
static void simulate(int n, const double *natural, uint64_t seed, double *mean, double *jacobian) {
    double phase[n], detuning[n], advance_sum[n], s[n], c[n], a[n], b[n];
    double *sens = calloc((size_t) n * n, sizeof(double));
    double *at_window = calloc((size_t) n * n, sizeof(double));
    for (int i = 0; i < n; i++) {
        phase[i] = uniform(&seed);
        detuning[i] = natural[i] - CENTRE_HZ;
        advance_sum[i] = 0;
    }
    const long window_start = STEPS / 2;
    const double two_pi_k = 2 * M_PI * K_HZ;
    for (long step = 0; step < STEPS; step++) {
        if (step == window_start) memcpy(at_window, sens, sizeof(double) * n * n);
        double sum_s = 0, sum_c = 0;
        for (int j = 0; j < n; j++) {
            s[j] = sin_turns(phase[j]);
            c[j] = cos_turns(phase[j]);
            sum_s += s[j];
            sum_c += c[j];
        }
        for (int m = 0; m < n; m++) a[m] = b[m] = 0;
        for (int j = 0; j < n; j++)
            for (int m = 0; m < n; m++) {
                a[m] += c[j] * sens[j * n + m];
                b[m] += s[j] * sens[j * n + m];
            }
        for (int i = 0; i < n; i++) {
            double f = detuning[i] + K_HZ * (c[i] * sum_s - s[i] * sum_c);
            double self_cos = c[i] * sum_c + s[i] * sum_s;
            for (int m = 0; m < n; m++) {
                double d_pull = two_pi_k * (c[i] * a[m] + s[i] * b[m] - self_cos * sens[i * n + m]);
                sens[i * n + m] += DT * ((i == m) + d_pull);
            }
            double adv = DT * f;
            double next = phase[i] + adv;
            next -= floor(next);
            phase[i] = next >= 1.0 ? 0.0 : next;
            if (step >= window_start) advance_sum[i] += adv;
        }
    }
    double window = (STEPS - window_start) * DT;
    for (int i = 0; i < n; i++) mean[i] = CENTRE_HZ + advance_sum[i] / window;
    for (int e = 0; e < n * n; e++) jacobian[e] = (sens[e] - at_window[e]) / window;
    free(sens);
    free(at_window);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 6;
    int batch = argc > 2 ? atoi(argv[2]) : 90;
    int iterations = argc > 3 ? atoi(argv[3]) : 1;
    trig_init();
    double *natural = malloc(sizeof(double) * batch * n);
    double *mean = malloc(sizeof(double) * batch * n);
    double *jacobian = malloc(sizeof(double) * batch * n * n);
    uint64_t seed = 88172645463325252ULL;
    for (int e = 0; e < batch * n; e++) natural[e] = 500e6 + 180e6 * uniform(&seed);
    double checksum = 0;
    double start = omp_get_wtime();
    for (int it = 0; it < iterations; it++) {
#pragma omp parallel for schedule(dynamic, 1)
        for (int e = 0; e < batch; e++) {
            simulate(n, natural + e * n, 0x9E3779B97F4A7C15ULL * (uint64_t) (it * batch + e + 1),
                     mean + e * n, jacobian + (size_t) e * n * n);
        }
        for (int e = 0; e < batch * n; e++) checksum += mean[e] * 1e-9;
    }
    double seconds = omp_get_wtime() - start;
    printf("{\"case\": \"c-training\", \"trig\": \"%s\", \"oscillators\": %d, \"batch\": %d, \"steps\": %ld,"
           " \"iterations\": %d, \"seconds\": %.3f, \"oscillator_steps_per_second\": %.0f, \"threads\": %d,"
           " \"checksum\": %.6f}\n",
           TRIG, n, batch, STEPS, iterations, seconds, (double) n * STEPS * batch * iterations / seconds,
           omp_get_max_threads(), checksum);
    free(natural);
    free(mean);
    free(jacobian);
    return 0;
}
