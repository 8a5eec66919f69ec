"""The symmetry net in NumPy, batched over seeds: the best a NumPy user would write for
the bench to set beside our kernel. Every array carries the seeds as its first axis, so
one sweep of S seeds is a handful of array operations over all 64 cases at once.

  python bench/numpy_symmetry.py runs S    S seeds, 1,425 sweeps each (ε 0.1, α 0.9)
  python bench/numpy_symmetry.py study S   S seeds, each until solved or 30,000 sweeps;
                                           solved seeds leave the batch as they solve

Prints one JSON line: the wall time and what was done. The initial weights are U(−0.3, 0.3)
from NumPy's generator, not the project's seeds: this measures speed, not outcomes.
"""
import json
import sys
import time

import numpy as np

X = np.array([[(k >> s) & 1 for s in (5, 4, 3, 2, 1, 0)] for k in range(64)], dtype=np.float64)
D = np.array([1.0 if list(x) == list(x[::-1]) else 0.0 for x in X])
EPS, ALPHA, H = 0.1, 0.9, 2


def init(S):
    rng = np.random.default_rng(0)
    u = lambda *shape: rng.uniform(-0.3, 0.3, shape)
    return [u(S, H, 6), u(S, H), u(S, H), u(S)]


def sweep(W1, b1, W2, b2):
    """E, the stopping test and ∂E/∂w for every seed at once."""
    yh = 1 / (1 + np.exp(-(b1[:, :, None] + W1 @ X.T)))  # (S, H, 64)
    yo = 1 / (1 + np.exp(-(b2[:, None] + np.einsum("sh,shc->sc", W2, yh))))  # (S, 64)
    e = yo - D
    E = 0.5 * (e * e).sum(axis=1)
    solved = ((yo > 0.5) == (D > 0.5)).all(axis=1)
    dxo = e * yo * (1 - yo)
    dxh = dxo[:, None, :] * W2[:, :, None] * yh * (1 - yh)
    grads = [dxh @ X, dxh.sum(axis=2), np.einsum("sc,shc->sh", dxo, yh), dxo.sum(axis=1)]
    return E, solved, grads


def step(params, deltas, grads):
    for w, dw, g in zip(params, deltas, grads):
        dw *= ALPHA
        dw -= EPS * g
        w += dw


def runs(S, sweeps=1425):
    params = init(S)
    deltas = [np.zeros_like(p) for p in params]
    for _ in range(sweeps):
        _, _, grads = sweep(*params)
        step(params, deltas, grads)
    return {"seeds": S, "sweeps": S * sweeps}


def study(S, cap=30_000):
    params = init(S)
    deltas = [np.zeros_like(p) for p in params]
    done = 0
    total = 0
    for _ in range(cap + 1):
        if len(params[0]) == 0:
            break
        _, solved, grads = sweep(*params)
        total += len(params[0])
        if solved.any():
            done += int(solved.sum())
            keep = ~solved
            params = [p[keep] for p in params]
            deltas = [d[keep] for d in deltas]
            grads = [g[keep] for g in grads]
        step(params, deltas, grads)
    return {"seeds": S, "solved": done, "sweeps": total}


if __name__ == "__main__":
    mode, S = sys.argv[1], int(sys.argv[2])
    t0 = time.perf_counter()
    result = runs(S) if mode == "runs" else study(S)
    result["seconds"] = time.perf_counter() - t0
    print(json.dumps(result))
