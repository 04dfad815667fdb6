#!/usr/bin/env python3
"""NumPy baseline for `oscnet bench --numpy`: one training epoch of the spintronic recurrent
network of seed paper 2 (layers 32-32-32, density 0.5, 64 input points, one Euler step each,
batch 120, BPTT written by hand, element-wise clip, Adam), batched over the sequences with dense
masked matrix products, as a NumPy user would write it. Run with one BLAS thread
(OPENBLAS_NUM_THREADS=1) so it measures one core. Prints one JSON line like the Java cases."""
import json
import os
import sys
import time

import numpy as np


def epoch(rows=898, length=64, sizes=(32, 32, 32), classes=10, batch=120, density=0.5, tau=14.12,
          gain=0.14, highpass=1e-3, dt=1.0, lr=0.149, seed=1):
    rng = np.random.default_rng(seed)
    x_data = rng.random((rows, length))
    labels = rng.integers(0, classes, rows)
    gamma, omega, rest = 1.0 / tau, 2 * np.pi * highpass, 2.0 / tau
    ins = [1] + list(sizes[:-1])
    params, masks = [], []
    for n, m in zip(sizes, ins):
        me = (rng.random((n, m)) < density).astype(float)
        mi = (rng.random((n, n)) < density).astype(float)
        params += [me * rng.uniform(-1, 1, (n, m)) / np.sqrt(m), mi * rng.uniform(-1, 1, (n, n)) / np.sqrt(n),
                   np.zeros(n)]
        masks += [me, mi, np.ones(n)]
    params += [rng.uniform(-1, 1, (classes, sizes[-1])) / np.sqrt(sizes[-1]), np.zeros(classes)]
    masks += [np.ones((classes, sizes[-1])), np.ones(classes)]
    adam_m = [np.zeros_like(p) for p in params]
    adam_v = [np.zeros_like(p) for p in params]
    layers = len(sizes)
    start = time.perf_counter()
    order = rng.permutation(rows)
    for step, first in enumerate(range(0, rows, batch)):
        idx = order[first:first + batch]
        u, b = x_data[idx], len(idx)
        xs = [[np.full((b, n), 0.5) for n in sizes]]
        ys = [[np.zeros((b, n)) for n in sizes]]
        drives = []
        for t in range(length):
            x, y = xs[-1], ys[-1]
            new_x, new_y, drive = [], [], []
            for l in range(layers):
                w_ext, w_int, bias = params[3 * l: 3 * l + 3]
                src = u[:, t:t + 1] if l == 0 else y[l - 1]
                current = gain * (src @ w_ext.T + y[l] @ w_int.T + bias) + rest
                fx = -gamma * x[l] + current * x[l] * (1 - x[l])
                new_x.append(x[l] + dt * fx)
                new_y.append(y[l] + dt * (-omega * y[l] + fx))
                drive.append(current)
            xs.append(new_x)
            ys.append(new_y)
            drives.append(drive)
        w_out, b_out = params[-2], params[-1]
        z = ys[-1][-1] @ w_out.T + b_out
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        gz = p.copy()
        gz[np.arange(b), labels[idx]] -= 1
        grads = [np.zeros_like(q) for q in params]
        grads[-2] = gz.T @ ys[-1][-1]
        grads[-1] = gz.sum(axis=0)
        lam_x = [np.zeros((b, n)) for n in sizes]
        lam_y = [np.zeros((b, n)) for n in sizes]
        lam_y[-1] = gz @ w_out
        for t in range(length - 1, -1, -1):
            x, y, drive = xs[t], ys[t], drives[t]
            prev_x = [lx.copy() for lx in lam_x]
            prev_y = [ly.copy() for ly in lam_y]
            for l in range(layers):
                w_ext, w_int, bias = params[3 * l: 3 * l + 3]
                gx = dt * (lam_x[l] + lam_y[l])
                prev_x[l] += gx * (-gamma + drive[l] * (1 - 2 * x[l]))
                prev_y[l] -= dt * omega * lam_y[l]
                ga = gain * gx * x[l] * (1 - x[l])
                src = u[:, t:t + 1] if l == 0 else y[l - 1]
                grads[3 * l] += ga.T @ src
                grads[3 * l + 1] += ga.T @ y[l]
                grads[3 * l + 2] += ga.sum(axis=0)
                if l > 0:
                    prev_y[l - 1] += ga @ w_ext
                prev_y[l] += ga @ w_int
            lam_x, lam_y = prev_x, prev_y
        for i, (q, g, mk) in enumerate(zip(params, grads, masks)):
            g = mk * np.clip(g / b, -1, 1)
            adam_m[i] = 0.9 * adam_m[i] + 0.1 * g
            adam_v[i] = 0.999 * adam_v[i] + 0.001 * g * g
            q -= lr * (adam_m[i] / (1 - 0.9 ** (step + 1))) / (np.sqrt(adam_v[i] / (1 - 0.999 ** (step + 1))) + 1e-8)
    return time.perf_counter() - start


if __name__ == "__main__":
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    best = min(epoch() for _ in range(repeats))
    print(json.dumps({"case": "numpy-stno_rnn-epoch", "sequences": 898, "layers": [32, 32, 32], "substeps": 1,
                      "batch": 120, "seconds": round(best, 3), "cores": os.cpu_count(),
                      "blas_threads": os.environ.get("OPENBLAS_NUM_THREADS", "default")}))
