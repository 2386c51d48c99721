"A seed out of the range JAX's key and numpy's sampler take is refused where it is given, in the package's words."
import contextlib, importlib, inspect, io, pkgutil

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb import evaluate, testing
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
    assert rc == 2 and last.startswith("aef: error: argument --steps: 3000000000") and not (tmp_path / "r").exists(), err[-300:]


def _public_seeds():
    "{'module.name': callable} for every public callable of the package with a `seed` parameter: the functions and "
    "classes in each module's `__all__` and their public methods, found from their signatures."
    out = {}
    for m in pkgutil.iter_modules(aef.__path__):
        if m.name.startswith("_"): continue
        mod = importlib.import_module(f"alphaearth_nb.{m.name}")
        for n in mod.__all__:
            o = getattr(mod, n)
            if getattr(o, "__module__", None) != mod.__name__: continue   # a re-export: found in its own module
            fns = [(n, o)] + ([(f"{n}.{k}", v) for k, v in vars(o).items() if callable(v) and not k.startswith("_")]
                              if inspect.isclass(o) else [])
            for q, f in fns:
                with contextlib.suppress(TypeError, ValueError):
                    if "seed" in inspect.signature(f).parameters: out[f"{m.name}.{q}"] = f
    return out


SEEDED = _public_seeds()
EMB = testing.embedding_from_array(testing.random_unit((4, 4)))
# arguments by name for the few that read another argument before the seed (the rest get None: the seed comes first)
ARGS = {"emb": EMB, "k": 2, "x": testing.random_unit((8,)), "y": [0, 1] * 4, "batch_size": 8, "n": 4,
        "cfg": None, "years": (2020, 2021)}
SELF = {"EmbeddingAccessor": EMB.aef}   # instances for methods, by class


def _call(name, seed):
    f, sig = SEEDED[name], inspect.signature(SEEDED[name])
    cls = name.split(".")[1] if name.count(".") == 2 else None
    kw = {p.name: ARGS.get(p.name) for p in list(sig.parameters.values())[1 if cls else 0:]
          if p.default is p.empty and p.name != "seed" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)}
    out = f(SELF[cls], **kw, seed=seed) if cls else f(**kw, seed=seed)
    if inspect.isgenerator(out): next(out)   # a generator reads its arguments at the first batch


def test_the_walk_finds_the_seeds():
    # every kind the walk must reach: functions, dataclass fields, a class's __init__, an accessor method, a generator
    assert {"stacks.toy_stack", "scene.make_scene", "scene.write_scene", "stream.host_shard", "draws.nshot_split",
            "landscape.SceneConfig", "step.TrainConfig", "samples.Batches", "accessor.EmbeddingAccessor.cluster",
            "testing.standin_batches", "train.fit"} <= set(SEEDED), sorted(SEEDED)


@pytest.mark.parametrize("seed", [-1, 2**64, "abc", 1.5])
@pytest.mark.parametrize("name", sorted(SEEDED))
def test_public_seeds_refused_where_given(name, seed, tmp_path, monkeypatch):
    # was: numpy's ValueError ('expected non-negative integer') or TypeError (SeedSequence) at the first draw, a
    # seed of 2**64 taken by make_scene and toy_stack, int('abc') in host_shard
    monkeypatch.chdir(tmp_path)   # nothing a call might write lands in the checkout
    with pytest.raises(ConfigError, match=r"^seed="):
        _call(name, seed)


@pytest.mark.parametrize("fn", [lambda s: evaluate.nshot_split([0, 1] * 4, 2, s),
                                lambda s: evaluate.max_trial_split([0, 1] * 4, 0, s),
                                lambda s: evaluate.separated_points(np.arange(16.).reshape(8, 2), 3.0, s)])
def test_a_generator_goes_on_as_it_is(fn):
    "The evaluate functions that take a seed or a numpy Generator: the Generator is drawn from as given (not "
    "reseeded), a seed or a sequence of seeds seeds a new one, the same as numpy's."
    flat = lambda r: np.concatenate([np.ravel(a) for a in (r if isinstance(r, tuple) else (r,))])
    g = np.random.default_rng(4)
    np.testing.assert_array_equal(flat(fn(g)), flat(fn(np.random.default_rng(4))))
    assert g.bit_generator.state != np.random.default_rng(4).bit_generator.state   # drawn from
    np.testing.assert_array_equal(flat(fn((4, 1))), flat(fn(np.random.default_rng([4, 1]))))


def test_as_seed_takes_the_range():
    assert as_seed(0) == 0 and as_seed(SEED_MAX) == SEED_MAX and as_seed(3.0) == 3


@pytest.mark.parametrize("seed", ["-1", str(SEED_MAX + 1), "2.5"])
def test_cli_seed_is_the_one_rule(seed):
    # `aef --seed` is read by core.as_seed itself (was its own copy of the range, with other words)
    with pytest.raises(ConfigError) as e: as_seed(int(seed) if seed.lstrip("-").isdigit() else seed, "--seed")
    rc, err = _cli("evaluate", "--embeddings", ".", "--seed", seed)
    words, _, text = str(e.value)[7:].partition(" (text is not read")   # the advice to convert text is Python's
    assert rc == 2 and err.strip().splitlines()[-1] == f"aef: error: argument --seed: {words}{'.' if text else ''}", err


def test_cli_seed_reads_a_whole_decimal():
    # `--seed 1e3` is 1000, as every count option reads '1e3' (cli_args._count); was refused as text
    from alphaearth_nb import cli_args
    assert cli_args.parser().parse_args(["evaluate", "--embeddings", ".", "--seed", "1e3"]).seed == 1000
