"""A setting given as text that spells no number is refused with an example that is valid for that setting
(`core.whole` / `core.real` given the field's default), not a placeholder such as peak_lr=0.5."""
import argparse
import ast
import collections
import dataclasses
import inspect
import re

import geopandas as gpd
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import cli_args, sites, train
from alphaearth_nb.analysis import cluster
from alphaearth_nb.checkpoint import save_checkpoint
from alphaearth_nb.core import ConfigError
from alphaearth_nb.cubes import aggregate, coarsen, yearly_change
from alphaearth_nb.explorer import Explorer
from alphaearth_nb.index import vectors_of
from alphaearth_nb.stacks import to_frames
from alphaearth_nb.step import TrainConfig
from alphaearth_nb.testing import embedding_from_array, random_unit, sampler_stack

State = collections.namedtuple("State", "step w")   # a pytree with a step, as a TrainState has
NUMERIC = [f.name for f in dataclasses.fields(TrainConfig) if str(f.type).split(" |")[0] in ("int", "float")]


def _declared(name):
    "The default run's `name` (warmup: `step.default_warmup` of its steps, what a refusal of warmup text offers)."
    return dataclasses.asdict(TrainConfig())[name]


@pytest.mark.parametrize("name", NUMERIC)
def test_unparsable_text_gets_a_valid_example(name):
    with pytest.raises(ConfigError) as e:
        TrainConfig(**{name: "abc"})
    m = re.search(rf"e\.g\. {name}=(\S+)", str(e.value))
    assert m, str(e.value)
    example = float(m.group(1).rstrip("."))
    TrainConfig(**{name: int(example) if example.is_integer() else example})   # the example is accepted as it is
    default = _declared(name)
    if default is not None: assert example == default, (name, example, default)


@pytest.mark.parametrize("text", ["8", "-3", "0.5", "1e-4"])
@pytest.mark.parametrize("name", NUMERIC)
def test_text_that_spells_a_number_is_offered_the_default(name, text):
    "TrainConfig(batch_size='8') was offered batch_size=8, steps='-3' steps=-3 (refused in turn), warmup='0.5' "
    "warmup=0: now every one the field's default, and why its text was refused."
    with pytest.raises(ConfigError) as e:
        TrainConfig(**{name: text})
    msg, default = str(e.value), _declared(name)
    assert msg.startswith(f"{name}={text!r} is not a") and f"not even {text!r}" in msg, msg
    assert _example(msg, name) == (1 if default is None else default), msg


def _example(msg, name):
    "The value a message offers for `name` ('pass e.g. name=3.'), as Python reads it."
    m = re.search(rf"e\.g\. {name}=(\S+?)[.,;]?(?:\s|$)", msg)
    assert m, msg
    return ast.literal_eval(m.group(1))


def _walk(call, names, check=None):
    "Each setting of `names` given 'abc', then '-3' (text that spells a number, one the setting may refuse): "
    "ConfigError naming it with one example for both, never the number read from the text; passed back, accepted."
    for name in names:
        with pytest.raises(ConfigError, match=rf"^{name}='abc' is not a") as e: call(**{name: "abc"})
        ex = _example(str(e.value), name)
        # no int()/float() advice for '-3' where it gives a value the setting refuses in turn (f7135f4)
        with pytest.raises(ConfigError, match=rf"^{name}='-3' is not a .*not even '-3'") as e:
            call(**{name: "-3"})
        assert _example(str(e.value), name) == ex, str(e.value)   # was -3: a count of -3, refused in turn
        call(**{name: ex})
        if check: check(name, ex)


def test_every_parsed_setting_offers_an_example_that_works(tmp_path):
    "checkpoint keep/step, cubes factor and fit's overrides: was 1 for every setting (keep, step) or no default used."
    state, keep = State(np.array(9), np.zeros(2)), inspect.signature(save_checkpoint).parameters["keep"].default
    _walk(lambda **kw: save_checkpoint(tmp_path / "ck", state, **kw), ["keep", "step"],   # its default; the state's
          lambda name, ex: assert_default(ex, {"keep": keep, "step": 9}[name]))
    _walk(lambda **kw: save_checkpoint(tmp_path / "ck", {"w": np.zeros(2)}, **kw), ["step"])   # no state.step: 0
    emb = embedding_from_array(random_unit((4, 4)))
    _walk(lambda **kw: coarsen(emb, **kw), ["factor"], lambda name, ex: assert_factor(ex))
    cfg = TrainConfig(steps=7, batch_size=6, seed=5, checkpoint_every=3, warmup=1)
    _walk(lambda **kw: train._train_config(cfg, **kw), ["steps", "batch_size", "seed", "checkpoint_every"],
          lambda name, ex: assert_default(ex, getattr(cfg, name)))   # the run's own value: passed back, nothing changes


def test_zones_clusters_and_index_tiles_offer_an_example_that_works():
    "aggregate's tile/h3/buffer, cluster's k/n_iter/seed and vectors_of's tile: were int()/float() of the value "
    "(ValueError 'invalid literal for int()' for text; tile=2.5 made 2-pixel tiles, seed=1.5 a JAX TypeError)."
    emb = embedding_from_array(random_unit((12, 12)))
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(emb.x.values[:2], emb.y.values[:2]), crs=emb.attrs["crs"])
    _walk(lambda **kw: aggregate(emb, **kw), ["tile"])
    _walk(lambda **kw: aggregate(emb, pts, **kw), ["buffer"])
    with pytest.raises(ConfigError, match="h3='abc' is not a whole number: pass e.g. h3=7"): aggregate(emb, h3="abc")
    _walk(lambda **kw: cluster(emb, **{"k": 2, **kw}), ["k", "n_iter", "seed"])
    _walk(lambda **kw: vectors_of(emb, **kw), ["tile"])
    for bad in (dict(tile=2.5), dict(tile=0)):
        with pytest.raises(ConfigError, match="tile="): aggregate(emb, **bad)
    with pytest.raises(ConfigError, match="seed=1.5"): cluster(emb, 2, seed=1.5)


def assert_factor(ex): assert isinstance(ex, int) and ex > 1, ex   # a coarser map (1: the map as it is)
def assert_default(ex, want): assert ex == want, (ex, want)


def _typed_options():
    "(subcommand, option, other required arguments) for each `aef` option read by a type function."
    p = cli_args.parser()
    sub = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
    for cmd, sp in sub.choices.items():
        req = [a for a in sp._actions if a.required]
        groups = [g._group_actions for g in sp._mutually_exclusive_groups if g.required]   # one of: --points/--point
        for a in sp._actions:
            if a.type is None or a.type.__name__ in ("_path", "_existing"): continue   # any text is a path
            yield cmd, a.option_strings[-1], req + [g[0] for g in groups if a not in g]   # the option stands for its group


_WHOLE = ("_positive", "_pairs", "_natural", "_seed", "_folds")   # the whole-number options' type functions


@pytest.mark.parametrize("cmd,opt,req", list(_typed_options()), ids=lambda v: v if isinstance(v, str) else "")
def test_aef_options_offer_an_example_that_works(tmp_path, capsys, cmd, opt, req):
    "`aef CMD --opt abc` (and 1e3, 2.5, -3): argparse's error names the option, and the example it offers is accepted "
    "there; every whole-number option refuses 2.5 in one rule's words (1e3 is 1000, as Python's whole(1e3); --steps "
    "said 'pass e.g. 100', --seed "
    "'pass e.g. --seed=0.')."
    given = {a.option_strings[-1]: str(tmp_path) if a.type and a.type.__name__ == "_existing" else "samples" if
             a.type and a.type.__name__ == "_labels" else "2024" for a in req if a.option_strings[-1] != opt}   # aef classify's --labels
    args = lambda v: [cmd, *[t for kv in given.items() for t in kv], opt, v]
    sub = next(a for a in cli_args.parser()._actions if isinstance(a, argparse._SubParsersAction)).choices[cmd]
    kind = next(a.type.__name__ for a in sub._actions if a.option_strings and a.option_strings[-1] == opt)
    for bad in ("abc", "1e3", "2.5", "-3"):
        try: cli_args.parser().parse_args(args(bad))
        except SystemExit as e: assert e.code == 2
        else: continue   # a value the option takes (a path, a period)
        err = " ".join(capsys.readouterr().err.split())
        assert f"aef: error: argument {opt}:" in err, err
        if kind in _WHOLE and bad in ("1e3", "2.5"):
            assert re.search(rf"argument {opt}: '{bad}' is not a whole number: pass e\.g\. {opt}=\d+[.,]", err), err
        m = (re.search(r"e\.g\. (\S+?)[.,)]?(?:\s|$)", err) or re.search(rf"\({opt} (\S+?)\)", err)
             or re.search(r"pass `(\S+?)`", err) or re.search(r"invalid choice: .*\(choose from '?([\w-]+)", err))
        assert m, err
        tok = m.group(1)   # "1,10,max", or the option written whole: "--seed=0"
        argv = [*args("x")[:-2], tok] if tok.startswith(f"{opt}=") else args(tok)
        ns = cli_args.parser().parse_args(argv)   # accepted as offered
        assert getattr(ns, opt[2:].replace("-", "_")) is not None


def test_change_explorer_frames_and_sites_offer_an_example_that_works():
    "yearly_change's floor, Explorer's threshold/max_size/k, to_frames' n_frames and sample_sites' numbers: were "
    "float()/int() of the value (ValueError 'could not convert string to float' for text; size=2.5 a 2-pixel grid)."
    e = embedding_from_array(random_unit((4, 4)))
    cube = xr.concat([e, e, e], dim="time").assign_coords(time=[2022, 2023, 2024])
    _walk(lambda **kw: yearly_change(cube, **kw), ["floor"], lambda name, ex: assert_default(ex, 0.02))
    _walk(lambda **kw: Explorer(e, basemaps=False, **kw), ["threshold", "max_size", "k"])
    stack = sampler_stack(n_s2=3)
    _walk(lambda **kw: to_frames(stack, ["sentinel2"], **kw), ["n_frames"], lambda name, ex: assert_default(ex, 3))
    strata = sites.box_strata()
    call = lambda **kw: sites.sample_sites(strata, (2022, 2023), **{"cap": 2, "size": 16, **kw})
    _walk(call, ["size", "res", "periods", "period_days", "holdout", "oversample", "seed", "min_dist_m"])
    _walk(lambda **kw: call(extra={"a": np.array([[2.05, 48.05]])}, **kw), ["extra_cap"],
          lambda name, ex: assert_default(ex, 2))   # the cap of a stratum
    with pytest.raises(ConfigError, match=r"^cap='abc' is not a whole number: pass e\.g\. cap=10000\.$"): call(cap="abc")
    with pytest.raises(ConfigError, match="size=2.5"): call(size=2.5)


def test_grids_compile_cache_and_scene_comparison_offer_an_example_that_works():
    "earthengine.utm_grid width/height/x0/y0/res, compile_cache's min_compile_secs and quality.compare_on_scene's "
    "min_dist/folds/seed: were int()/float() of the value (ValueError for text; width=2.5 made a 2-pixel grid)."
    from alphaearth_nb.runtime import compile_cache
    from alphaearth_nb.earthengine import utm_grid
    from alphaearth_nb.quality import compare_on_scene
    grid = lambda **kw: utm_grid(**{"x0": 0, "y0": 0, "width": 4, "height": 4, **kw})
    _walk(grid, ["width", "height", "x0", "y0", "res"])
    for bad in (2.5, 0, -3):
        with pytest.raises(ConfigError, match="width"): grid(width=bad)
    assert grid(width=4.0)["shape_2d"] == (4, 4)
    with pytest.raises(ConfigError, match=r"min_compile_secs='abc' is not a number: pass e\.g\. min_compile_secs=0\.5"):
        compile_cache("/nonexistent/never/made", min_compile_secs="abc")   # refused before any folder or setting
    for name, bad in (("min_dist", "abc"), ("folds", "abc"), ("folds", 2.5), ("seed", -1)):
        with pytest.raises(ConfigError, match=rf"^{name}="):
            compare_on_scene(None, xr.DataArray(np.zeros((1, 2, 2), np.int64), dims=("year", "y", "x")), {},
                             **{name: bad})
