"""What the embedding validity gate (issue 11) costs: `similarity` on a map that must pass the gate against the same
map already in the embedding form, and the gate alone against one dot product per pixel, side by side in one run.

    .venv/bin/python benchmarks/gate.py                # a 1024 x 1024 map, 5 alternating rounds
    .venv/bin/python benchmarks/gate.py --size 2048 --rounds 3
    .venv/bin/python benchmarks/gate.py --dry          # a 64 x 64 map, one round (shapes only)

Every function of `analysis` passes its input through `embeddings.as_embedding`, whose gate decides each pixel's
form, applies declared no-data and refuses vectors that are not embeddings: one more pass over the map per call
(eager maps; dask maps build it into the graph). Keep the cleaned form (`emb = as_embedding(emb)`) to pay once.
Figures only, nothing asserted; the CPU is shared, so the load average is printed with the results.
"""
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import load, map_args  # noqa: E402
from alphaearth_nb.analysis import similarity  # noqa: E402
from alphaearth_nb.embeddings import as_embedding, gate_vectors  # noqa: E402
from alphaearth_nb.testing import embedding_from_array, random_unit  # noqa: E402


def best(f, rounds):
    "Best of `rounds` wall times of f() (the least disturbed by other work on a shared machine)."
    ts = []
    for _ in range(rounds):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    return min(ts)


def main():
    n, rounds = map_args(__doc__)
    vec = random_unit((n, n), seed=0)
    vec[::97, ::89] = 0.0  # a few all-zero pixels: the gate has something to refuse
    raw = embedding_from_array(vec)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clean = as_embedding(raw)
        v = vec[1, 1]
        t_raw = best(lambda: similarity(raw, v), rounds)
        t_clean = best(lambda: similarity(clean, v), rounds)
        t_gate = best(lambda: gate_vectors(vec), rounds)
        t_dot = best(lambda: vec @ v, rounds)
    print(f"map {n} x {n} x 64 float32, best of {rounds}; {load()}")
    print(f"similarity, raw map (gate inside) / already gated: {t_raw:.3f} s / {t_clean:.3f} s "
          f"= {t_raw / t_clean:.2f}x")
    print(f"gate_vectors alone / one dot product per pixel:     {t_gate:.3f} s / {t_dot:.3f} s = {t_gate / t_dot:.2f}x")


if __name__ == "__main__":
    main()
