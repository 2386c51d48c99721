"""benchmarks/train_step.py's `--profile` counts XLA:CPU's thunks only, and splits a step call's idle time from the
time between calls (session 45): the thread pool's listener events (`ThreadpoolListener::StartRegion`, `StopRegion`,
`Record`: 3,766 of the 4,728 "thunks under 5 us" of a `small` step in session 44) are no thunks, and "k=0" (no thread
inside a thunk) was read over the trace's whole span, Python between the calls included."""
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def train_step(load_script):
    "benchmarks/train_step.py as a module (its folder on the path while it loads, for its own imports)."
    return load_script(BENCH / "train_step.py", "bench_train_step_events")


def test_listener_and_executor_events_are_no_thunks(train_step):
    for name in ("ThreadpoolListener::StartRegion", "ThreadpoolListener::StopRegion", "ThreadpoolListener::Record",
                 "ThunkExecutor::Execute", "end:ynn_fusion.3"):
        assert not train_step._is_thunk(name), name
    for name in ("ynn_fusion.390", "iota_gather_fusion.24", "dot.4", "cond.10", "copy.7"):
        assert train_step._is_thunk(name), name


def test_idle_inside_calls_apart_from_between_calls(train_step):
    "Two calls of 100 ns each, 1,000 ns apart: thread A busy 10-40 and 120-150, thread B 30-60; the rest of each " \
    "call is k=0 and the 1,000 ns between them are not."
    edges = [(10, 1, "A"), (40, -1, "A"), (30, 1, "B"), (60, -1, "B"), (1120, 1, "A"), (1150, -1, "A")]
    k_ns, between = train_step._threads_busy(edges, [(0, 100), (1100, 1200)])
    assert between == 1000
    assert k_ns == {0: 10 + 40 + 20 + 50, 1: 20 + 20 + 30, 2: 10}
    assert sum(k_ns.values()) == 200
    # no calls: the edges' span, as before
    k_ns, between = train_step._threads_busy(edges[:4], [])
    assert (dict(k_ns), between) == ({1: 40, 2: 10}, 0)
