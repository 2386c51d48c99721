"A batch size whose examples alone cannot fit in memory is refused before a run folder is made, naming the size "
"that fits (was: examples drawn for minutes, then the process killed by the kernel)."
import contextlib, io

import pytest

import alphaearth_nb as aef
from alphaearth_nb import train
from alphaearth_nb.core import ConfigError


@pytest.fixture(scope="module")
def stack(): return aef.load_scene()[0]


def test_fit_refuses_batches_beyond_memory(stack, tmp_path, monkeypatch):
    monkeypatch.setattr(train, "_memory_bytes", lambda: 50_000_000, raising=False)   # a 50 MB machine
    with pytest.raises(ConfigError, match=r"batch_size=400: .* more than this machine's 0.05 GB .* at most \d+ here"):
        aef.fit("tiny", stack, steps=1, batch_size=400, out=tmp_path / "run", progress=False)
    assert not (tmp_path / "run").exists()


def test_fit_takes_batches_that_fit(stack, monkeypatch):
    monkeypatch.setattr(train, "_memory_bytes", lambda: 50_000_000, raising=False)
    src = aef.samples.Batches(stack, aef.samples.sampler_config(aef.preset("tiny"), "tiny"), 2)
    train._refuse_oversized(src, train.TrainConfig(batch_size=2))   # 3 batches of 2 examples: well under 50 MB


def test_cli_batch_size_with_extra_zeros(tmp_path):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        rc = aef.cli.main(["train", "--preset", "tiny", "--steps", "1", "--batch-size", "100000000", "--out",
                           str(tmp_path / "run")])
    last = err.getvalue().strip().splitlines()[-1]
    assert rc == 2 and last.startswith("aef: error: batch_size=100000000") and "memory" in last, last
    assert not (tmp_path / "run").exists()
