"""embed's warning of a source with no valid value in the period's frames offers the fix in both forms, Python's and
`aef embed`'s, and under `aef embed` shows the command's alone (cli._show_warning -> cli_args.shell_words, which
drops a Python form offered beside a command's). Session 36. Was: Python advice only, under the command too:
'drop it (`del stack['landsat']`, then `embed(..., allow_missing=True)`) to say so'."""
import io
import warnings

import jax
import pytest
import xarray as xr

from alphaearth_nb.cli import _show_warning
from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.embed import embed
from alphaearth_nb.model import AlphaEarth, preset
from alphaearth_nb.scene import load_scene


@pytest.fixture(scope="module")
def said():
    "The warning of the sample scene's landsat without a valid value in 2024, beside sentinel2 (a tiny model of both)."
    stack = load_scene()[0]
    tree = {k: stack[k].to_dataset().isel(y=slice(0, 16), x=slice(0, 16)) for k in ("sentinel2", "landsat")}
    ls = tree["landsat"]
    year = ls.time.dt.year == 2024
    tree["landsat"] = ls.assign({v: ls[v].where(~year) for v in ls.data_vars if "time" in ls[v].dims})
    model = AlphaEarth(preset("tiny", inputs=("sentinel2", "landsat"), targets=("sentinel2",)), key=jax.random.key(0))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        embed(xr.DataTree.from_dict(tree), model, 2024, progress=False)
    got = [x for x in w if issubclass(x.category, NoDataWarning)]
    assert len(got) == 1, [str(x.message) for x in w]
    return got[0]


def test_python_callers_get_both_forms(said):
    text = str(said.message)
    assert ("drop it (`del stack['landsat']; aef.embed(stack, ..., allow_missing=True)` / `aef embed --sources sentinel2 "
            "--allow-missing`) to say so.") in text, text


def test_aef_embed_shows_its_own_form_alone(said):
    out = io.StringIO()
    _show_warning(said.message, said.category, said.filename, said.lineno, file=out, command="embed")
    shown = out.getvalue()
    assert "(`aef embed --sources sentinel2 --allow-missing`) to say so." in shown, shown
    assert "del stack" not in shown and "allow_missing=True" not in shown and "embed(" not in shown, shown


def test_no_source_with_data_says_the_fix_needs_python():
    "Hand-worked: sentinel2 and landsat both without a valid value in 2024: NoValidDataError, whose dropna fix is " \
    "Python's, said so with what `aef embed` then takes (the stack written, as --data)."
    from alphaearth_nb.cli_args import shell_words
    from alphaearth_nb.core import NoValidDataError
    stack = load_scene()[0]
    tree = {}
    for k in ("sentinel2", "landsat"):
        ds = stack[k].to_dataset().isel(y=slice(0, 16), x=slice(0, 16))
        year = ds.time.dt.year == 2024
        tree[k] = ds.assign({v: ds[v].where(~year) for v in ds.data_vars if "time" in ds[v].dims})
    model = AlphaEarth(preset("tiny", inputs=("sentinel2", "landsat"), targets=("sentinel2",)), key=jax.random.key(0))
    with pytest.raises(NoValidDataError) as e:
        embed(xr.DataTree.from_dict(tree), model, 2024, progress=False)
    shown = shell_words(str(e.value), "embed")
    assert "alike for each source; Python only: for `aef embed`, write the stack so cleaned and pass it as --data)" \
        in shown, shown
