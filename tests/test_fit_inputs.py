"fit checks its inputs before it writes anything: a refused call leaves no run folder, or the folder as it was."
import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.cli import main
from alphaearth_nb.core import (AEFError, ConfigError, DTypeError, LabelError, MissingSourceError, NoValidDataError, TimeError,
                                UnitsError)
from alphaearth_nb.stacks import toy_stack
from alphaearth_nb.testing import Standin, standin_batches, standin_loss, with_source
from alphaearth_nb.train import TrainConfig, fit

CFG = TrainConfig(steps=2, warmup=1, batch_size=8, checkpoint_every=2)


def _without(stack, name):
    return xr.DataTree.from_dict({k: v.to_dataset() for k, v in stack.children.items() if k != name})


def _bands(ds, f):
    return ds.assign({b: f(ds[b]) for b in ds.data_vars if b != "cloud"})


def _files(d):
    "Every file under `d` with its bytes and modification time, or None when `d` is not there."
    if not d.exists(): return None
    return {p.relative_to(d).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(d.rglob("*"))
            if p.is_file()}


S48 = toy_stack(size=48)   # a stack to slip one source into (testing.with_source), and its two satellites' bands
S2, S1 = S48["sentinel2"].to_dataset(), S48["sentinel1"].to_dataset()
BAD = {"stack smaller than a patch": (dict(data=toy_stack(size=8)), ConfigError, "larger than the stack"),
       "stack without sentinel2": (dict(data=_without(toy_stack(size=48), "sentinel2")), MissingSourceError,
                                   "sentinel2"),
       "texts without columns": (dict(data=toy_stack(size=48), texts=pd.DataFrame({"a": [1]})), LabelError,
                                 "lack the column"),
       "no data": (dict(data=None), ConfigError, "NoneType"),
       "reflectance in 0..1 (F1)": (dict(data=with_source(S48, "sentinel2", _bands(S2, lambda v: v / 1e4))),
                                    UnitsError, "multiply by 10000"),
       "a lazy source all NaN (F4)": (dict(data=with_source(S48, "sentinel1",
                                                            _bands(S1, lambda v: v * np.nan).chunk({"time": 1}))),
                                      NoValidDataError, "no valid pixel"),
       "sentinel1 with values only in its angle (F)": (dict(data=with_source(S48, "sentinel1",
                                                             S1.assign(VV=S1.VV * np.nan, VH=S1.VH * np.nan))),
                                                      NoValidDataError, "measurement band"),
       "texts with a time that is not a date (G-2)": (dict(data=toy_stack(size=48), texts=pd.DataFrame(
           {"y": [0.0], "x": [0.0], "time": ["yesterday"], "text": ["a field"]})), TimeError, "'yesterday'")}


@pytest.mark.parametrize("case", list(BAD))
def test_a_refused_input_leaves_no_run_folder(tmp_path, case):
    kw, err, match = BAD[case]
    with pytest.raises(err, match=match): fit("tiny", out=tmp_path / "run", config=CFG, progress=False, **kw)
    assert not (tmp_path / "run").exists()


def test_a_refused_resume_leaves_the_run_as_it_was(tmp_path):
    run = tmp_path / "run"
    fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=run, config=CFG, loss_fn=standin_loss, progress=False)
    before = _files(run)
    for data, err, match in ((None, ConfigError, "fit got data of type"),
                             ("stack.nc", DTypeError, "got the path 'stack.nc': load it first")):   # core.refuse_path
        with pytest.raises(err, match=match):
            fit(Standin(key=jax.random.PRNGKey(0)), data, out=run, resume=True, config=CFG, loss_fn=standin_loss,
                progress=False)
    with pytest.raises(ConfigError, match="fit got a model"): fit(3, standin_batches, out=run,
                                                                  resume=True, config=CFG, progress=False)
    assert _files(run) == before


def test_the_retry_after_a_refusal_needs_no_resume_or_overwrite(tmp_path):
    with pytest.raises(AEFError): fit("tiny", toy_stack(size=8), out=tmp_path / "run", config=CFG, progress=False)
    state, hist = fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path / "run", config=CFG,
                      loss_fn=standin_loss, progress=False)
    assert [h["step"] for h in hist] == [1, 2]


def test_aef_train_with_a_bad_stack_leaves_no_folder(tmp_path, capsys):
    _without(toy_stack(size=48), "sentinel2").to_zarr(tmp_path / "st.zarr", consolidated=False)
    code = main(["train", "--preset", "tiny", "--data", str(tmp_path / "st.zarr"), "--steps", "1",
                 "--out", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 2 and "sentinel2" in err and "Traceback" not in err, err
    assert not (tmp_path / "r").exists()


def _first_batch(model, stack, **kw):
    "The shapes of the first batch `fit` feeds `model`: a probe loss stops it while tracing, before any compile."
    class Seen(Exception): pass
    got = {}
    def probe(m, batch, key):
        got["shapes"] = jax.tree.map(lambda a: a.shape, batch)
        raise Seen
    with pytest.raises(Seen): fit(model, stack, config=CFG, loss_fn=probe, progress=False, **kw)
    return got["shapes"]


def test_a_preset_config_samples_as_the_preset_name():
    "fit(preset('tiny')) cut 16 frames and 8 texts (SamplerConfig's defaults), fit('tiny') the preset's 8 and 4 (S19)."
    from alphaearth_nb.model import preset
    stack = toy_stack(n_time=20, size=48, days=15)
    by_name = _first_batch("tiny", stack)
    assert _first_batch(preset("tiny"), stack) == by_name


def test_fit_with_inputs_samples_as_aef_train_does(monkeypatch, tmp_path):
    "The CLI's --inputs path and Python's `fit(preset('tiny', inputs=...), stack)` cut the same examples (S19)."
    from alphaearth_nb import train
    from alphaearth_nb.core import ConfigError
    from alphaearth_nb.model import preset
    stack = toy_stack(n_time=20, size=48, days=15)
    stack.to_netcdf(tmp_path / "st.nc")
    got = {}
    def grab(net, data, **k): got.update(k); raise ConfigError("stop here")
    monkeypatch.setattr(train, "fit", grab)
    assert main(["train", "--preset", "tiny", "--data", str(tmp_path / "st.nc"), "--steps", "2", "--out",
                 str(tmp_path / "r"), "--inputs", "sentinel1", "--targets", "sentinel1,dem"]) == 2
    monkeypatch.undo()
    cfg = preset("tiny", inputs=("sentinel1",), targets=("sentinel1", "dem"))
    assert _first_batch(cfg, stack) == _first_batch(cfg, stack, sampler=got["sampler"])


def test_a_missing_source_names_the_model_settings_not_the_sampler(tmp_path):
    "fit(preset(..., inputs=('ndvi',))) named SamplerConfig, which the user never built (S19): now the model's sources."
    from alphaearth_nb.model import preset
    from alphaearth_nb.scene import load_scene
    stack, _, _ = load_scene()
    with pytest.raises(MissingSourceError) as e:
        fit(preset("tiny", inputs=("ndvi",)), stack, out=tmp_path / "r", config=CFG, progress=False)
    msg = str(e.value)
    assert "SamplerConfig" not in msg and "'ndvi'" in msg and "add it to the stack" in msg, msg
    fix = msg.split("e.g. `")[1].split("`")[0]             # the model it proposes (a code span since ae82db3): valid
    assert fix == ("aef.preset('tiny', inputs=('landsat', 'sentinel1', 'sentinel2'), targets=('dem', 'era5', 'gedi', "
                   "'landcover', 'landsat', 'sentinel1', 'sentinel2'))")   # model.reader_of's, sorted (since s41)
    assert eval(fix, {"aef": aef}).inputs == ("landsat", "sentinel1", "sentinel2")
    assert not (tmp_path / "r").exists()
    with pytest.raises(MissingSourceError, match="SamplerConfig"):            # a sampler of the caller's: its own words
        from alphaearth_nb.samples import SamplerConfig
        fit("tiny", stack, config=CFG, progress=False, sampler=SamplerConfig(inputs=("sentinel2",), targets=("ndvi",),
                                                                             frames=(("sentinel2", 4),)))


@pytest.mark.parametrize("wrap,match", [
    (lambda st: st["sentinel2"].to_dataset().B2, r"DataArray.*to_dataset"),              # one band of it
    (lambda st: [st, st], r"list of stacks.*CorpusStream"),                               # several sites
    (lambda st: (st["sentinel2"].to_dataset(),), r"tuple of stacks.*CorpusStream"),
])
def test_data_that_is_no_stack_nor_batches_is_refused_naming_the_form(tmp_path, wrap, match):
    # was: raw JAX errors (InvalidInputException: Argument '<xarray.DataArray ...>', TypeError: Cannot interpret
    # value of type DataTree as an abstract array) after the run folder was made
    st = toy_stack(size=32)
    with pytest.raises(AEFError, match=match): fit("tiny", wrap(st), steps=1, batch_size=2, progress=False,
                                                    out=tmp_path / "run")
    assert not (tmp_path / "run").exists()


def test_a_dict_of_sources_trains_as_the_stack_it_names():
    # validate_stack and embed take {name: Dataset}; fit raised a TypeError from JAX ('sentinel2' is no JAX type)
    from alphaearth_nb.scene import load_scene
    st = load_scene()[0]
    def batch_sums(model, batch, key):  # every value of the batch in the loss (and a parameter, for a gradient): the
        # same loss is the same batch (the real loss's step compiled for ~20 s of CPU and tested no more of fit's input)
        p = jax.tree.leaves(eqx.filter(model, eqx.is_inexact_array))[0]
        leaves = [jnp.nan_to_num(jnp.asarray(a, jnp.float32)) for a in jax.tree.leaves(batch)]
        return jnp.sum(p * p) + sum((i + 1) * (jnp.sum(a) + jnp.sum(a * a)) for i, a in enumerate(leaves)), {}
    kw = dict(steps=1, batch_size=2, progress=False, loss_fn=batch_sums)
    as_dict = {k: v.to_dataset() for k, v in st.children.items()}
    assert fit("tiny", as_dict, **kw)[1][-1]["loss"] == fit("tiny", st, **kw)[1][-1]["loss"]
