"""benchmarks/embed.py's tiling overhead in CPU seconds beside the wall ratio: `TileTimer` keeps the CPU seconds spent in
`embed.tile_sums` (the process's, XLA:CPU's threads included, since a call on the CPU returns when its batch is done).
Was: wall seconds only, one run of embed against one run of its model calls; for `lite` (one tile, ~60-300 s a call on
2 shared cores) the printed 1.20x (session 39) was the load moving between the two runs: session 40 measured tile_sums
78.9 s against the model call alone 91.6 s (0.86x) in one round, the CPU seconds 51.4 against 50.8 (1.01x)."""
import time

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_tile_timer_counts_cpu_seconds(load_script, monkeypatch):
    bench = load_script(ROOT / "benchmarks" / "embed.py", "embed_bench_cpu")
    def busy(*args, **kwargs):  # a stand-in for tile_sums: 0.2 s of this thread's CPU
        t0 = time.process_time()
        while time.process_time() - t0 < 0.2: pass
        return "sums"
    monkeypatch.setattr(bench.embed_module, "tile_sums", busy)
    with bench.TileTimer() as timer:
        assert bench.embed_module.tile_sums(1, 2) == "sums"   # embed's call goes through the timer
        bench.embed_module.tile_sums()
    assert bench.embed_module.tile_sums is busy             # put back on exit
    assert 0.35 < timer.cpu < 5 and timer.seconds >= timer.cpu * 0.5
