"""A collapsed own model (every pixel one vector) was caught only when its map was used (`map_checks.warn_collapsed`),
never at training's end (session 56's left list: `fit` may not embed, and its cheap figure, one training window's,
is ~0.99 for a good model too). Now `aef train` embeds nine windows of one patch spread over its own data at its
end (`train_cmd.collapse_check`): past `map_checks.COLLAPSED` a TrainingWarning in the map warning's words (the
figure, too few steps or data of little variety, this run's resume), and every run prints the figure and records it
in its last metrics record as `pixel_cosine`. Measured: a 20-step `tiny` of NDVI alone on the eo-learn patch 0.985;
a 20-step `tiny` on the sample scene (batch 2) 0.80; a model whose every output is one vector 1.0."""
import json
import re
import warnings
from types import SimpleNamespace

import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb import scene, train, train_cmd
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError, TrainingWarning
from alphaearth_nb.map_checks import COLLAPSED


def _one_vector(preset="tiny"):
    "A `preset` model whose every output is one vector: its last projection's weights zeroed, its bias ones."
    m = aef.model.AlphaEarth(aef.preset(preset), key=jax.random.key(0))
    p = m.summary.up.proj
    return eqx.tree_at(lambda m: (m.summary.up.proj.w, m.summary.up.proj.b), m,
                       (jnp.zeros_like(p.w), jnp.ones_like(p.b)))


def _metrics(run):
    return [json.loads(l) for l in (run / "metrics.jsonl").read_text().splitlines()]


def test_a_model_made_collapsed_is_warned_with_the_figure_and_the_fixes():
    stack, _, _ = scene.load_scene()
    with pytest.warns(TrainingWarning) as w:
        got = train_cmd.collapse_check(_one_vector(), stack, 7, longer="`aef train --out r --resume --steps 14`")
    said = [str(x.message) for x in w if issubclass(x.category, TrainingWarning)]
    assert got["pixel_cosine"] > 0.999 and (got["windows"], got["side"], got["year"]) == (9, 32, 2024), got
    assert len(said) == 1 and re.search(
        r"^the model trained to step 7 embeds its data as nearly one vector everywhere: median cosine between pixels "
        r"1\.000, of 2,000 pairs in 9 windows of 32 x 32 px spread over its data \(2024\) .*so its maps will tell few "
        r"places apart\. A model trained too few steps gives this .*train it longer, resumed, `aef train --out r "
        r"--resume --steps 14`; so does training data of little variety.*train on more sources or more varied land$",
        said[0]), said[0]


def test_the_windows_are_the_stacks_own_pixels_side_by_side():
    "Nine windows of `side` at 1/6, 1/2, 5/6 of each axis, each at a multiple of `side` on a regular grid."
    stack, _, _ = scene.load_scene()
    win = train_cmd.windows_stack(stack, 32)
    s2, w2 = stack["sentinel2"], win["sentinel2"]
    assert (w2.sizes["y"], w2.sizes["x"]) == (96, 96) and w2.sizes["time"] == s2.sizes["time"]
    starts = train_cmd._starts(150, 32)
    assert starts == [9, 59, 109]
    b = next(iter(s2.data_vars))
    np.testing.assert_array_equal(w2[b].isel(y=slice(32, 64), x=slice(64, 96)).values,
                                  s2[b].isel(y=slice(59, 91), x=slice(109, 141)).values)
    for d in ("y", "x"):
        np.testing.assert_allclose(np.diff(w2[d].values), float(s2[d][1] - s2[d][0]))
    small = stack.map_over_datasets(lambda d: d.isel(y=slice(0, 20)) if "y" in d.dims else d)
    assert train_cmd.windows_stack(small, 32)["sentinel2"].sizes["y"] == 20   # an axis shorter than a window: whole


@pytest.mark.slow
def test_aef_train_warns_a_collapsed_run_and_records_its_figure(shared_data, tmp_path, capsys):
    run = tmp_path / "r"
    with warnings.catch_warnings(record=True) as w:   # in this process: recorded (`aef` prints them 'aef: warning:')
        warnings.simplefilter("always")
        assert main(["train", "--data", str(shared_data / "eolearn_patch"), "--preset", "tiny", "--inputs", "ndvi",
                     "--targets", "ndvi,dem", "--steps", "20", "--batch-size", "2", "--out", str(run)]) == 0
    out, err = capsys.readouterr()
    said = [str(x.message) for x in w if issubclass(x.category, TrainingWarning) and "one vector" in str(x.message)]
    assert len(said) == 1 and re.search(
        r"^the model trained to step 20 embeds its data as nearly one vector everywhere: median cosine between pixels "
        r"0\.9\d\d, of 2,000 pairs in 9 windows of 32 x 32 px spread over its data \(2017\).*`aef train --out "
        rf"{re.escape(str(run))} --resume --steps 40`", said[0]), said
    fig = float(re.search(r"checked the model on 9 windows of 32 x 32 px of its data \(2017\): median cosine between "
                          r"their pixels (0\.9\d\d) \(1: one vector everywhere; collapsed above 0\.9\)", out)[1])
    recs = _metrics(run)
    assert recs[-1]["step"] == 20 and abs(recs[-1]["pixel_cosine"] - fig) < 1e-3 and fig > COLLAPSED
    assert [r for r in recs if "pixel_cosine" in r] == recs[-1:] and len(train.read_metrics(run)) == 20
    train.plot_history(train.read_metrics(run))   # no panel for the figure (no loss term): it draws as before


@pytest.mark.slow
def test_aef_train_of_a_trained_tiny_says_its_figure_and_no_warning(tmp_path, capsys):
    run = tmp_path / "r"
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        assert main(["train", "--preset", "tiny", "--steps", "20", "--batch-size", "2", "--out", str(run)]) == 0
    out, err = capsys.readouterr()
    assert "nearly one vector" not in err + "".join(str(x.message) for x in w), err
    fig = float(re.search(r"checked the model on 9 windows of 32 x 32 px of its data \(\d{4}\): median cosine between "
                          r"their pixels (\d\.\d+) ", out)[1])
    assert fig < COLLAPSED and abs(_metrics(run)[-1]["pixel_cosine"] - fig) < 1e-3, (fig, out)


def test_a_check_that_cannot_embed_says_so_and_keeps_the_run(tmp_path, capsys, monkeypatch):
    "Any AEFError of the windows' embedding: a line saying the check was skipped; the run stands (exit 0)."
    monkeypatch.setattr(train, "fit", lambda *a, **k: (SimpleNamespace(model=_one_vector(), step=2),
                                                       [{"step": 1, "loss": 1.0}, {"step": 2, "loss": 0.5}]))
    def refuse(*a, **k): raise ConfigError("no")
    monkeypatch.setattr(train_cmd, "embed", refuse)
    assert main(["train", "--preset", "tiny", "--steps", "2", "--out", str(tmp_path / "r")]) == 0
    out, err = capsys.readouterr()
    assert "trained tiny to step 2" in out and "checked the model" not in out
    assert "the end check could not embed windows of the data, so whether the model collapsed" in err, err


def test_a_stack_of_no_time_skips_the_check_saying_why(tmp_path, capsys):
    "A stack none of whose sources has a `time` (a DEM alone): `_check_year` raised ValueError, which ended a " \
    "finished `aef train` with a traceback (only AEFError was caught). Now the check is skipped, said with why."
    import xarray as xr
    stack, _, _ = scene.load_scene()
    dem = next(k for k in stack.children if "time" not in stack[k].coords and {"y", "x"} <= set(stack[k].dims)) \
        if any("time" not in stack[k].coords for k in stack.children) else None
    src = stack[dem].to_dataset() if dem else stack["sentinel2"].to_dataset().isel(time=0, drop=True)
    flat = xr.DataTree.from_dict({"dem": src})
    got = train_cmd.collapse_check(_one_vector(), flat, 2)
    assert set(got) == {"skipped"} and "time" in got["skipped"], got
    train_cmd._end_check(SimpleNamespace(out=tmp_path, steps=2), SimpleNamespace(model=_one_vector(), step=2), flat)
    err = capsys.readouterr().err
    assert "the end check could not embed windows of the data" in err and "no year to embed" in err, err
