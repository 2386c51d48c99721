"A batch size whose examples alone cannot fit in memory is refused before a run folder is made, naming the size "
"that fits (was: examples drawn for minutes, then the process killed by the kernel)."
import contextlib, io

import jax
import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb import corpus, export, stream, train
from alphaearth_nb.core import ConfigError
from alphaearth_nb.testing import Standin, standin_batches, standin_loss


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
    assert rc == 2 and last.startswith("aef: error: --batch-size 100000000") and "memory" in last, last
    assert not (tmp_path / "run").exists()


BIG = 10**9   # examples a step: about 3e14 bytes of tiny's examples; no batch of that size is ever drawn
TINY = lambda: aef.samples.sampler_config(aef.preset("tiny"), "tiny")
nbytes = lambda b: sum(np.asarray(v).nbytes for v in jax.tree_util.tree_leaves(b))


@pytest.fixture(scope="module")
def sources(tmp_path_factory, stack):
    "Every sampler fit takes as it is: a stack's Batches, a scene corpus's CorpusBatches, a site corpus's stream."
    pytest.importorskip("geopandas")
    d = tmp_path_factory.mktemp("sources")
    export.fake_corpus(d / "sites", n_sites=2, size=32, sources=("sentinel2", "dem"))
    scenes = corpus.write_corpus(d / "scenes", corpus.CorpusConfig(n_scenes=2, n_regions=1, size=48, years=(2, 2),
                                                                   n_texts=5))
    return {"Batches": lambda n: aef.samples.Batches(stack, TINY(), n),
            "CorpusBatches": lambda n: corpus.CorpusBatches(scenes, TINY(), n, split=None),
            "CorpusStream": lambda n: stream.CorpusStream(d / "sites", TINY(), n), "sites": d / "sites"}


@pytest.mark.parametrize("kind", ["Batches", "CorpusBatches", "CorpusStream"])
def test_every_sampler_is_weighed_before_the_run_folder(sources, kind, tmp_path):
    # was: only a stack's own sampler; a Batches, CorpusBatches (an iterable) or CorpusStream (data(position)) given
    # to fit drew BIG examples a batch until the kernel killed the process
    src = sources[kind]
    assert nbytes(src(2).batch_at(0)) == 2 * nbytes(src(2).example())   # one example weighs as a batch's share
    with pytest.raises(ConfigError, match=rf"^batch_size={BIG}: .* more than this machine's [\d.]+ GB of memory: "
                                          r"pass a smaller batch_size, at most \d+ here"):
        aef.fit("tiny", src(BIG), steps=1, batch_size=BIG, out=tmp_path / "run", progress=False)
    assert not (tmp_path / "run").exists()


def test_cli_corpus_batch_size_with_extra_zeros(sources, tmp_path):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        rc = aef.cli.main(["train", "--preset", "tiny", "--corpus", str(sources["sites"]), "--steps", "1",
                           "--batch-size", str(BIG), "--out", str(tmp_path / "run")])
    last = err.getvalue().strip().splitlines()[-1]
    assert rc == 2 and last.startswith(f"aef: error: --batch-size {BIG}") and "prepared by the stream" in last, last
    assert not (tmp_path / "run").exists()


def _counted(calls, **kw):
    "A data(position) function of the user's own (standin batches of 8), noting each position it is called with."
    def data(position):
        calls.append(position)
        return standin_batches(position, **kw)
    return data


def test_fit_weighs_the_first_batch_of_a_data_function(tmp_path, monkeypatch):
    # was: a function of the user's own was never weighed: fit drew batch after batch until the kernel killed it
    monkeypatch.setattr(train, "_memory_bytes", lambda: 100_000, raising=False)   # a 0.1 MB machine
    calls = []   # 8 examples of 2000 float32 features: 64 kB a batch, 3 held (2 queued, one in the step)
    with pytest.raises(ConfigError, match=r"^batch_size=8: its examples alone \(0.008\d* MB each, 3 batches held: 2 "
                                          r"queued, one in the step\) need 0.000192 GB a host, more than this "
                                          r"machine's 0.0001 GB of memory: pass a smaller batch_size, at most 4 here"):
        train.fit(Standin(key=jax.random.key(0)), _counted(calls, d=2000), steps=2, batch_size=8,
                  out=tmp_path / "run", loss_fn=standin_loss, progress=False)
    assert calls == [0] and not (tmp_path / "run").exists()


def test_fit_trains_on_a_data_function_whose_batches_fit_calling_it_once(tmp_path, monkeypatch):
    monkeypatch.setattr(train, "_memory_bytes", lambda: 100_000, raising=False)   # 3 x 288 bytes: fits
    kw = dict(steps=4, batch_size=8, checkpoint_every=2, loss_fn=standin_loss, progress=False)
    full, _ = train.fit(Standin(key=jax.random.key(0)), _counted([]), out=tmp_path / "full", **kw)
    calls = []
    with pytest.raises(KeyboardInterrupt):   # a power cut at batch 2, after the checkpoint of step 2
        train.fit(Standin(key=jax.random.key(0)), _counted(calls, stop_at=2), out=tmp_path / "run", **kw)
    assert calls == [0]   # called once: its first batch weighed, then trained on
    resumed, hist = train.fit(Standin(key=jax.random.key(0)), _counted(calls), out=tmp_path / "run", resume=True, **kw)
    assert calls == [0, 2] and int(resumed.step) == 4   # a resume weighs the batch it starts from, drawn once
    for a, b in zip(jax.tree_util.tree_leaves(full.model), jax.tree_util.tree_leaves(resumed.model)):
        np.testing.assert_array_equal(np.asarray(a), np.asarray(b))   # the weighed batches were trained on, in order
