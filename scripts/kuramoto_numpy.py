#!/usr/bin/env python3
"""NumPy baseline for `oscnet bench --numpy`: the same forward simulation (mean-field Euler,
batch 90, T = 1 us, dt = 10 ps), vectorised over the batch as a NumPy user would write it.
Prints one JSON line like the Java cases."""
import json
import os
import sys
import time

import numpy as np


def run(n, batch=90, steps=100_000, dt=10e-12, k=10e6):
    rng = np.random.default_rng(1)
    f_nat = 500e6 + 180e6 * rng.random((batch, n)) - 590e6   # rotating frame
    theta = 2 * np.pi * rng.random((batch, n))
    acc = np.zeros((batch, n))
    start = time.perf_counter()
    for step in range(steps):
        s, c = np.sin(theta), np.cos(theta)
        S = s.sum(axis=1, keepdims=True)
        C = c.sum(axis=1, keepdims=True)
        f = f_nat + k * (c * S - s * C)
        theta += 2 * np.pi * dt * f
        if step >= steps // 2:
            acc += f
    seconds = time.perf_counter() - start
    return {"case": "numpy-forward", "oscillators": n, "batch": batch, "steps": steps,
            "seconds": round(seconds, 3), "oscillator_steps_per_second": round(n * steps * batch / seconds),
            "cores": os.cpu_count()}


if __name__ == "__main__":
    for n in [int(a) for a in sys.argv[1:]] or [6]:
        print(json.dumps(run(n)), flush=True)
