"""What the benchmarks share: the load line printed beside their figures, and the command line of those timing one
map (`gate.py`, `similarity.py`: --size, --rounds, --dry), so each flag means the same in all of them."""
import argparse
import os


def load() -> str:
    "The load average (1 and 5 min) and the core count: other processes on a shared CPU slow every figure."
    return f"load average {os.getloadavg()[0]:.1f} (1 min), {os.getloadavg()[1]:.1f} (5 min), {os.cpu_count()} cores"


def map_args(doc: str, argv=None, size: int = 1024, rounds: int = 5) -> tuple[int, int]:
    """(side, rounds) of a benchmark timing one square map, from the command line `argv` (None: sys.argv): --size
    (the map's side in pixels), --rounds (alternating rounds, the best kept), --dry (a 64 x 64 map, one round: shapes
    only, for tests). `doc`: the benchmark's docstring, its first paragraph the --help description."""
    p = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    p.add_argument("--size", type=int, default=size, help=f"side of the map in pixels (default {size})")
    p.add_argument("--rounds", type=int, default=rounds, help=f"alternating rounds, the best kept (default {rounds})")
    p.add_argument("--dry", action="store_true", help="a 64 x 64 map, one round (shapes only)")
    a = p.parse_args(argv)
    return (64, 1) if a.dry else (a.size, a.rounds)
