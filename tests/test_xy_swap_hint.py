"""A table of projected x/y points whose columns hold each other's values (x the northings, y the eastings) is told
so, with the columns to swap, as a lon/lat table is (`geo.XY_SWAP_HINT` beside `SWAP_HINT`): by `aef evaluate`
(the file's header line to swap), `classify` (`df.rename`) and `sample` (its warning), wherever it is detectable:
off the map as given, all on it read (y, x). s49 newcomer: 'lie outside the grid ... give coordinates in the grid's
CRS' (with --crs) or '... read either way' (without), no word of the swap."""
import warnings

import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import LabelError, NoDataWarning


def _tables(pts):
    t = pd.DataFrame({"x": pts.geometry.x.to_numpy(), "y": pts.geometry.y.to_numpy(), "label": pts["label"].to_numpy()})
    return t, t.rename(columns={"x": "y", "y": "x"})[["x", "y", "label"]]   # x holds the northings


@pytest.mark.parametrize("crs", [("--crs", "EPSG:32631"), ()], ids=["crs", "no-crs"])
def test_the_command_names_the_header_swap(tmp_path, evaluate_cli, labelled_store, crs):
    store, pts = labelled_store
    _, swapped = _tables(pts)
    swapped.to_csv(tmp_path / "s.csv", index=False)
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "s.csv"), *crs)
    assert rc == 2 and "x and y look swapped (x holds the northings, y the eastings)" in err, err
    assert "swap the names 'x' and 'y' in the file's header line" in err, err
    good, _ = _tables(pts)
    good.to_csv(tmp_path / "g.csv", index=False)
    assert evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "g.csv"), *crs)[0] == 0   # the fix, done


def test_python_callers_get_the_rename_and_sample_warns(labelled_store):
    store, pts = labelled_store
    e = aef.stores.open_zarr(store)
    good, swapped = _tables(pts)
    with pytest.raises(LabelError) as err: aef.classify(e, swapped, crs="EPSG:32631", k=1)
    assert aef.geo.XY_SWAP_HINT[:-1] in str(err.value) and "df.rename(columns=" in str(err.value), str(err.value)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        aef.places.sample(e, swapped, crs="EPSG:32631")
    assert any(aef.geo.XY_SWAP_HINT in str(m.message) and m.category is NoDataWarning for m in w), [str(m.message) for m in w]


def test_no_swap_said_where_neither_reading_is_on_the_map(labelled_store):
    store, pts = labelled_store
    e = aef.stores.open_zarr(store)
    _, swapped = _tables(pts)
    far = swapped.assign(x=swapped["x"] + 1e5)   # read either way, off the map
    with pytest.raises(LabelError) as err: aef.classify(e, far, crs="EPSG:32631", k=1)
    assert "look swapped" not in str(err.value), str(err.value)
    assert aef.geo.swapped_on(e, swapped["x"], swapped["y"], "EPSG:32631") == aef.geo.XY_SWAP_HINT
    assert aef.geo.swapped_on(e, far["x"], far["y"], "EPSG:32631") == ""
