#!/usr/bin/env python3
"""NumPy baseline for `oscnet bench --numpy`: one equilibrium-propagation step of a layered XY
network 64-100-10 (seed paper 3), as a NumPy user would write it: 300 samples (30 per class of the
8x8 digits, clamped at phi = pi (X - 8) / 16) batched in matrices, explicit Euler with dt 0.1 up to
t = 100 for the free phase from random phases and the nudged phase (beta 0.1) from the free
equilibrium, each sample frozen once max |dphi/dt| < 1e-4 (the Java stopping rule), the gradient
(dE/dtheta at beta - dE/dtheta at 0) / beta averaged over the batch, plain SGD. Run with one BLAS
thread (OPENBLAS_NUM_THREADS=1) so it measures one core. Prints one JSON line like the Java cases.
Usage: xy_ep_numpy.py [repeats]"""
import gzip
import json
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def load_digits():
    with gzip.open(os.path.join(HERE, "..", "data", "digits.csv.gz"), "rt") as f:
        table = np.loadtxt(f, delimiter=",")
    return table[:, :64], table[:, 64].astype(int)


def forces(phi, x_field_c, x_field_s, w1, w2, beta, target):
    """-dE/dphi of hidden (first block) and output units, batched over rows; plus the nudge."""
    h, o = phi[:, :w1.shape[1]], phi[:, w1.shape[1]:]
    ch, sh, co, so = np.cos(h), np.sin(h), np.cos(o), np.sin(o)
    # hidden: inputs (fixed field) and outputs; outputs: hidden
    sum_c_h = x_field_c + co @ w2.T
    sum_s_h = x_field_s + so @ w2.T
    sum_c_o = ch @ w2
    sum_s_o = sh @ w2
    f_h = ch * sum_s_h - sh * sum_c_h
    f_o = co * sum_s_o - so * sum_c_o
    if beta != 0:
        d = o - target
        f_o = f_o - beta * np.sin(d) / (1 + 1e-5 + np.cos(d))
    return np.concatenate([f_h, f_o], axis=1)


def relax(phi, xc, xs, w1, w2, beta, target, dt=0.1, t_max=100.0, tol=1e-4):
    phi = phi.copy()
    active = np.arange(phi.shape[0])
    for _ in range(int(round(t_max / dt)) + 1):
        f = forces(phi[active], xc[active], xs[active], w1, w2, beta, target[active])
        moving = np.abs(f).max(axis=1) >= tol
        if not moving.any():
            break
        active, f = active[moving], f[moving]
        phi[active] += dt * f
    return phi


def de_dtheta(x, phi, w1):
    """dE/dW1 and dE/dW2 summed over the batch (biases are zero and left out, as at the start)."""
    n_h = w1.shape[1]
    h, o = phi[:, :n_h], phi[:, n_h:]
    g1 = -(np.cos(x).T @ np.cos(h) + np.sin(x).T @ np.sin(h))
    g2 = -(np.cos(h).T @ np.cos(o) + np.sin(h).T @ np.sin(o))
    return g1, g2


def step(x_all, y_all, w1, w2, rng, beta=0.1, lr=0.01, per_class=30):
    rows = np.concatenate([rng.choice(np.flatnonzero(y_all == c), per_class, replace=False) for c in range(10)])
    x, y = x_all[rows], y_all[rows]
    target = np.where(np.arange(10)[None, :] == y[:, None], np.pi / 2, -np.pi / 2)
    xc, xs = np.cos(x) @ w1, np.sin(x) @ w1
    phi0 = rng.uniform(-np.pi, np.pi, (len(rows), w1.shape[1] + w2.shape[1]))
    free = relax(phi0, xc, xs, w1, w2, 0.0, target)
    nudged = relax(free, xc, xs, w1, w2, beta, target)
    g1f, g2f = de_dtheta(x, free, w1)
    g1n, g2n = de_dtheta(x, nudged, w1)
    w1 -= lr * (g1n - g1f) / beta / len(rows)
    w2 -= lr * (g2n - g2f) / beta / len(rows)


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    pixels, labels = load_digits()
    train = np.concatenate([np.flatnonzero(labels == c)[:100] for c in range(10)])
    x_all = np.pi * (pixels[train] - 8) / 16
    y_all = labels[train]
    rng = np.random.default_rng(1)
    w1 = rng.normal(0, np.sqrt(1 / (64 + 100)), (64, 100))
    w2 = rng.normal(0, np.sqrt(1 / (100 + 10)), (100, 10))
    step(x_all, y_all, w1, w2, rng)  # warm-up, as the Java case
    start = time.perf_counter()
    for _ in range(repeats):
        step(x_all, y_all, w1, w2, rng)
    seconds = (time.perf_counter() - start) / repeats
    print(json.dumps({"case": "xy-ep-step-numpy", "layers": [64, 100, 10], "samples": 300, "step": 0.1,
                      "tolerance": 1e-4, "seconds": round(seconds, 3), "cores": 1}))


if __name__ == "__main__":
    main()
