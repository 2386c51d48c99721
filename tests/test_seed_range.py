"A seed out of the range JAX's key and numpy's sampler take is refused where it is given, in the package's words."
import contextlib, io

import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import ConfigError, as_seed
from alphaearth_nb.core import SEED_MAX
from alphaearth_nb.step import TrainConfig


@pytest.mark.parametrize("seed", [-1, SEED_MAX + 1, 10**23])
def test_train_config_refuses_seed(seed):
    with pytest.raises(ConfigError, match=r"seed=.*0 \.\. 2\*\*63 - 1"):
        TrainConfig(seed=seed)


def test_train_config_takes_the_range():
    assert TrainConfig(seed=0).seed == 0 and TrainConfig(seed=SEED_MAX).seed == SEED_MAX


def _cli(*argv):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        rc = aef.cli.main(list(argv))   # an OverflowError escaped main (a traceback) before the fix
    return rc, err.getvalue()


@pytest.mark.parametrize("cmd", [["train", "--preset", "tiny", "--steps", "1"], ["demo", "--steps", "1"],
                                 ["evaluate", "--embeddings", "."]])
def test_cli_refuses_seed(cmd, tmp_path):
    out = [] if cmd[0] == "evaluate" else ["--out", str(tmp_path / "run")]
    rc, err = _cli(*cmd, *out, "--seed", str(10**23))
    last = err.strip().splitlines()[-1]
    assert rc == 2 and last.startswith("aef: error:") and "--seed" in last and "2**63 - 1" in last, err
    assert not (tmp_path / "run").exists()


def test_steps_beyond_the_int32_counter(tmp_path):
    # the step counter and the schedule's steps are int32: 3e9 steps raised JAX's OverflowError out of `aef train`
    # after the run folder was made
    from alphaearth_nb.step import STEPS_MAX
    assert TrainConfig(steps=STEPS_MAX, warmup=1).steps == STEPS_MAX
    with pytest.raises(ConfigError, match=r"steps=2147483648: .*2\*\*31 - 1"):
        TrainConfig(steps=STEPS_MAX + 1, warmup=1)
    rc, err = _cli("train", "--preset", "tiny", "--steps", "3000000000", "--warmup", "1", "--out", str(tmp_path / "r"))
    last = err.strip().splitlines()[-1]
    assert rc == 2 and last.startswith("aef: error: steps=3000000000") and not (tmp_path / "r").exists(), err[-300:]


def _seeded():
    "Every public seed outside TrainConfig, each called with everything else minimal: the seed is read first."
    from alphaearth_nb import analysis, corpus, cubes, evaluate, model, quality, samples, sites, stream, testing
    emb = testing.embedding_from_array(testing.random_unit((4, 4)))
    x, y = testing.random_unit((8,)), [0, 1] * 4
    return {"evaluate_embeddings": lambda s: evaluate.evaluate_embeddings(x, y, seed=s),
            "evaluate_regression": lambda s: evaluate.evaluate_regression(x, range(8), seed=s),
            "Batches": lambda s: samples.Batches(None, None, 8, seed=s),
            "CorpusBatches": lambda s: corpus.CorpusBatches(None, None, 8, seed=s),
            "CorpusStream": lambda s: stream.CorpusStream(None, None, 8, seed=s),
            "sample_sites": lambda s: sites.sample_sites(None, (2020, 2021), seed=s),
            "cluster": lambda s: analysis.cluster(emb, 2, seed=s),
            "label_table": lambda s: cubes.label_table(emb, None, seed=s),
            "sample_pixels": lambda s: analysis.sample_pixels(emb, seed=s),
            "boundary_points": lambda s: sites.boundary_points(None, 4, seed=s),
            "compare_on_scene": lambda s: quality.compare_on_scene(None, None, {}, seed=s),
            "dummy_example": lambda s: model.dummy_example(model.preset("tiny"), seed=s)}


@pytest.mark.parametrize("seed", [-1, 2**64, "abc", 1.5])
@pytest.mark.parametrize("name", sorted(_seeded()))
def test_public_seeds_refused_where_given(name, seed):
    # was: numpy's ValueError ('expected non-negative integer') at the first draw for -1 and 2**64
    with pytest.raises(ConfigError, match=r"seed="):
        _seeded()[name](seed)


def test_as_seed_takes_the_range():
    assert as_seed(0) == 0 and as_seed(SEED_MAX) == SEED_MAX and as_seed(3.0) == 3


@pytest.mark.parametrize("seed", ["-1", str(SEED_MAX + 1), "1e3"])
def test_cli_seed_is_the_one_rule(seed):
    # `aef --seed` is read by core.as_seed itself (was its own copy of the range, with other words)
    with pytest.raises(ConfigError) as e: as_seed(int(seed) if seed.lstrip("-").isdigit() else seed, "--seed")
    rc, err = _cli("evaluate", "--embeddings", ".", "--seed", seed)
    assert rc == 2 and err.strip().splitlines()[-1] == f"aef: error: argument --seed: {str(e.value)[7:]}", err
