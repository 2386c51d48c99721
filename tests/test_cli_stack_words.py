"""Errors under the `aef` command whose fix was Python alone (session 48's newcomer): a stack's fix on `ds` (schema's
unknown variable, `ds.drop_vars(['NDWI'])`; units' reflectance in 0..1, `ds[bands] * 1e4`) under `aef train` / `aef embed`
now carries the note to write the stack so fixed and pass that as --data (`value_hints.stack_note`, read by
`cli_args.shell_words`); a CSV of labels with lon/lat swapped within +-90 (Europe: `check_degrees` cannot tell) says
to swap the names in the file's header line, and Python's `training_set` on the DataFrame the rename
(`crs_checks.swap_columns`); the geographic-grid check reads 'the x/y coordinates of the grid the points are placed
on' (was "the grid the points are placed on's x/y coordinates"); `evaluate_embeddings(A.T, y)` says x looks
transposed."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.cli import main
from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import AEFError, GridError, LabelError
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import embedding_from_array, random_unit

NOTE = "pass that as --data"
pytestmark = pytest.mark.filterwarnings("ignore:.*VV and VH look swapped")   # make_stack's S1, beside the point


def _stack(make_stack, path, change):
    "A small Sentinel-1/-2 stack (conftest's `make_stack`) with its sentinel2 changed by `change`, written to `path`."
    s = make_stack(32, 32, hole=False)   # the preset's 32-pixel patch fits (a smaller stack is refused for its size first)
    s["sentinel2"] = change(s["sentinel2"].to_dataset())
    s.to_zarr(path)
    return str(path)


CASES = {   # the stack's sentinel2 -> what the refusal says in Python (kept under the command, with the note)
    "an extra variable NDWI": (lambda ds: ds.assign(NDWI=ds["B4"]), "`ds.drop_vars(['NDWI'])`"),   # B5: a band, dropped
    "reflectance in 0..1": (lambda ds: ds / 1e4, "`ds[bands] * 1e4`"),
}


@pytest.mark.parametrize("case", CASES)
def test_aef_train_says_how_to_fix_the_stack_file(case, tmp_path, capsys, monkeypatch, embed_standin):
    change, python = CASES[case]
    monkeypatch.chdir(tmp_path)
    data = _stack(embed_standin.make_stack, tmp_path / "s.zarr", change)
    assert main(["train", "--steps", "1", "--data", data, "--out", "run"]) == 2
    err = [l for l in capsys.readouterr().err.splitlines() if l.startswith("aef: error: ")][-1]
    assert python in err and "Python only: for `aef train`" in err and NOTE in err, err


@pytest.mark.parametrize("case", CASES)
def test_under_aef_embed_too_and_not_under_evaluate(case, embed_standin):
    "The same refusals as `aef embed` and `aef evaluate` would print them: embed reads --data, evaluate none."
    change, python = CASES[case]
    s = embed_standin.make_stack(12, 12, hole=False)
    s["sentinel2"] = change(s["sentinel2"].to_dataset())
    with pytest.raises(AEFError) as e: validate_stack(s)
    said = str(e.value)
    assert python in said and "Python only" not in said, said   # Python's own words unchanged
    assert "Python only: for `aef embed`" in shell_words(said, "embed") and NOTE in shell_words(said, "embed")
    assert shell_words(said, "evaluate") == said


def _swapped(tmp_path):
    "A 12 x 10 map in EPSG:4326 near (10 E, 50 N) and a CSV of points on it written (lat, lon) under lon/lat."
    xs, ys = 10 + 0.001 * np.arange(10), 50 - 0.001 * np.arange(12)
    store = str(to_zarr(embedding_from_array(random_unit((12, 10), seed=1), {"y": ys, "x": xs}, crs="EPSG:4326"),
                        tmp_path / "e.zarr"))
    df = pd.DataFrame({"lon": ys[[1, 3, 5, 7]], "lat": xs[[1, 3, 5, 7]], "label": [1, 2, 1, 2]})
    df.to_csv(tmp_path / "sw.csv", index=False)
    return store, df


def test_swapped_columns_within_90_name_the_header_line(tmp_path, evaluate_cli):
    store, _ = _swapped(tmp_path)
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "sw.csv"))
    assert rc == 2 and "look swapped" in err, err
    assert "swap the names 'lon' and 'lat' in the file's header line" in err and "df.rename" not in err, err


def test_swapped_columns_within_90_name_the_rename_in_python(tmp_path):
    store, df = _swapped(tmp_path)
    with pytest.raises(LabelError, match=r"look swapped.*`df\.rename\(columns=\{'lat': 'lon', 'lon': 'lat'\}\)`"):
        aef.analysis.training_set(xr.open_dataarray(store, engine="zarr"), df)


def test_a_geographic_grid_of_metres_is_worded_as_a_noun():
    "A map under EPSG:4326 whose x/y are UTM metres, asked for a pixel: the grid is named, not a parameter's doc."
    e = embedding_from_array(random_unit((4, 4), seed=0), crs="EPSG:4326")
    with pytest.raises(GridError) as err: aef.geo.pixel_indices(e, [500000.0], [5000000.0])
    said = str(err.value)
    assert "the x/y coordinates of the grid the points are placed on (its CRS EPSG:4326" in said, said
    assert "on's" not in said, said


def test_transposed_features_are_named():
    a, y = np.asarray(random_unit((30,), seed=0)), np.arange(30) % 3
    with pytest.raises(LabelError, match=r"x looks transposed.*pass `x\.T`"): aef.evaluate_embeddings(a.T, y)
    with pytest.raises(LabelError, match="pass exactly one label per row of x"): aef.evaluate_embeddings(a, y[:-1])
