#!/usr/bin/env python3
"""Writes the synthetic 2-D tasks of seed paper 1 (Vodenicarevic et al.) and XOR.

Deterministic: no randomness. Each 2-D task is the paper's 34 x 34 grid over the unit
square (M = 1156 points, x_i = i / 33); the regions are chosen so that the fraction of
negative examples matches the paper's. Run from this folder: python3 make_synthetic.py
"""
import math

N = 34
POINTS = [(i / (N - 1), j / (N - 1), i, j) for j in range(N) for i in range(N)]


def write(name, rows, header):
    with open(name, "w") as f:
        f.write(header + "\n")
        for row in rows:
            f.write(",".join(str(v) for v in row) + "\n")


def grid(name, inside):
    rows = [(f"{x:.6f}", f"{y:.6f}", 1 if inside(x, y, i, j) else 0) for x, y, i, j in POINTS]
    negative = sum(1 for r in rows if r[2] == 0) / len(rows)
    write(name, rows, "x0,x1,label")
    print(f"{name}: {len(rows)} points, {100 * negative:.1f} % negative")


def radius_for(centre, negatives_wanted, inside_is_negative):
    """The radius whose disc holds the wanted number of negative grid points."""
    cx, cy = centre
    dists = sorted(math.hypot(x - cx, y - cy) for x, y, _, _ in POINTS)
    k = negatives_wanted if inside_is_negative else len(POINTS) - negatives_wanted
    return (dists[k - 1] + dists[k]) / 2


# Diagonal band: |i - j| <= 2 grid steps (paper: 86 % negative).
grid("band.csv", lambda x, y, i, j: abs(i - j) <= 2)
# Off-diagonal disc centred at (0.7, 0.3) (paper: 87.5 % negative).
r_disc = radius_for((0.7, 0.3), round(0.875 * len(POINTS)), inside_is_negative=False)
grid("disc.csv", lambda x, y, i, j: math.hypot(x - 0.7, y - 0.3) < r_disc)
# Concave region: the square minus a disc around (1.01, 0), just off the corner so no grid
# points tie on its edge (paper: 59.9 % negative).
r_corner = radius_for((1.01, 0.0), round(0.599 * len(POINTS)), inside_is_negative=True)
grid("concave.csv", lambda x, y, i, j: math.hypot(x - 1.01, y) >= r_corner)
print(f"disc radius {r_disc:.6f}, corner radius {r_corner:.6f}")

write("xor.csv", [(0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 0)], "a,b,label")
print("xor.csv: 4 rows")
