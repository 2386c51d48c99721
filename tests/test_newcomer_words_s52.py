"""Words the final helper of session 52 found wrong or missing (note52 "Left"). Was: `aef similarity --points
5.99,45.001` (a place given to the flag of a file) was told the file does not exist, not pointed to --point; a table
of columns x, X, Y was refused as off the map without saying which two columns were read; `Explorer.set_year("2024")`
was not told it takes a number (the h3 refusal's "10 x 10 m = 99.9 m^2": tests/test_h3_resolution_door); labels of empty names were asked to be
"ids >= 0"; `aef classify --label-column LULC_ID` printed no class names though LULC_NAME names them (eo-learn's
layout); the folder-of-CSVs hint wrote its awk output beside the (maybe read-only) data folder;
`build_local_mirror(at=(-74.0, 40.7))` wrote tiles of zone 17 outside zone 17 (-74 is no zone boundary); the training
bar showed the loss of the step before the one it counted."""
import importlib.util
import warnings

import jax
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import cli, train
from alphaearth_nb.core import ConfigError, LabelError, LabelWarning, PeriodError
from alphaearth_nb.metrics import drop_unlabelled
from alphaearth_nb.tables import xy_lower
from alphaearth_nb.testing import Standin, embedding_from_array, random_unit, standin_batches, standin_loss


def _err(capsys, args):
    assert cli.main(args) == 2
    return capsys.readouterr().err.strip().splitlines()[-1]


@pytest.mark.parametrize("typed, flag", [("5.99,45.001", "--point 5.99,45.001"), ("-59.85,-3.30", "--point=-59.85,-3.30")])
def test_a_place_given_to_points_is_pointed_to_point(capsys, tmp_path, monkeypatch, typed, flag):
    monkeypatch.chdir(tmp_path)
    err = _err(capsys, ["similarity", "--embeddings", ".", "--out", "s.tif", f"--points={typed}"])
    assert f"{typed!r} is a place, not a file of points: one place typed in is {flag}" in err, err
    err = _err(capsys, ["similarity", "--embeddings", ".", "--out", "s.tif", "--points", "pts.csv"])
    assert "pts.csv does not exist" in err and "--point " not in err, err   # a file's name: still a missing file


def test_x_beside_x_and_y_says_which_columns_are_read():
    with pytest.raises(LabelError, match=r"the table has columns x, X, Y: its places are X and Y or the mixed pair x "
                       r"and Y") as e:   # refused since s55 (tests/test_xy_mixed_pair.py), no longer read as x and Y
        xy_lower(pd.DataFrame({"x": [1.0], "X": [500000.0], "Y": [4e6]}))
    assert "df.rename(columns={'x': 'x_id'})" in str(e.value)
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # no word where the reading is plain
        assert list(xy_lower(pd.DataFrame({"X": [1.0], "Y": [2.0]})).columns) == ["x", "y"]
        xy_lower(pd.DataFrame({"x": [1.0], "y": [2.0], "X": [3.0]}))


@pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None, reason="needs the maps extra")
def test_set_year_of_text_is_told_a_number():
    import xarray as xr
    from alphaearth_nb.explorer import Explorer
    maps = [embedding_from_array(random_unit((5, 6), seed=s)) for s in (1, 2)]
    cube = xr.concat(maps, dim="time").assign_coords(time=np.array(["2023-01-01", "2024-01-01"], "datetime64[ns]"))
    ex = Explorer(cube, basemaps=False)
    with pytest.raises(PeriodError, match=r"set_year\('2024'\) takes a number, not text: .* set_year\(2024\)"):
        ex.set_year("2024")
    with pytest.raises(PeriodError, match=r"takes a number, not text: .*as a number \(e\.g\. 2024\)"):
        ex.set_year("2030")
    with pytest.raises(PeriodError) as e: ex.set_year(2030)
    assert "not text" not in str(e.value)


def test_empty_names_are_asked_for_a_name():
    x = np.zeros((4, 2), np.float32)
    with pytest.warns(LabelWarning, match="Give each real class a name") as rec:
        drop_unlabelled(x, np.array(["a", "", "b", "a"], object))
    assert "ids >= 0" not in str(rec[0].message)
    with pytest.warns(LabelWarning, match=r"Give each real class an id >= 0"):
        drop_unlabelled(x, np.array([1, -1, 2, 1]))


def _lulc_case():
    "A 6 x 6 map of three kinds of pixel labelled by LULC_ID 2 (forest), 3 (grassland) and 0 (no name)."
    v = random_unit((3,), seed=3)
    kind = np.arange(36).reshape(6, 6) % 6 // 2
    e = embedding_from_array(v[kind].astype(np.float32))
    rows = [(e.x.values[2 * k], e.y.values[r], k) for k in range(3) for r in (0, 3)]
    ids, names = {0: 2, 1: 3, 2: 0}, {0: "forest", 1: "grassland", 2: ""}
    return e, pd.DataFrame({"x": [r[0] for r in rows], "y": [r[1] for r in rows], "LULC_ID": [ids[r[2]] for r in rows],
                            "LULC_NAME": [names[r[2]] for r in rows]})


def test_lulc_ids_take_their_names(tmp_path, capsys):
    gpd = pytest.importorskip("geopandas")
    import alphaearth_nb as aef
    from alphaearth_nb.exports import to_zarr
    from alphaearth_nb.labels import class_flags
    e, t = _lulc_case()
    with pytest.warns(LabelWarning):   # LULC_ID 0: no name, no data
        out = aef.classify(e, t, column="LULC_ID", k=1)
    assert class_flags(out["class"]) == {2: "forest", 3: "grassland"}, out["class"].attrs
    g = gpd.GeoDataFrame(t.drop(columns=["x", "y"]), geometry=gpd.points_from_xy(t.x, t.y), crs="EPSG:32631")
    g.to_file(tmp_path / "LULC.gpkg")
    store = str(to_zarr(e, tmp_path / "e.zarr"))
    assert cli.main(["classify", "--embeddings", store, "--labels", str(tmp_path / "LULC.gpkg"), "--label-column",
                     "LULC_ID", "--k", "1", "--out", str(tmp_path / "m.tif")]) == 0
    said = capsys.readouterr().out
    assert "class 2 'forest': 12 pixels" in said and "class 3 'grassland': 24 pixels" in said, said


def test_folder_of_tables_joins_into_the_working_folder(tmp_path, capsys, monkeypatch):
    d = tmp_path / "data" / "csvs"; d.mkdir(parents=True)
    cols = [f"A{i:02d}" for i in range(64)] + ["label"]
    for n in ("a", "b"): pd.DataFrame(np.zeros((2, 65)), columns=cols).to_csv(d / f"{n}.csv", index=False)
    work = tmp_path / "work"; work.mkdir()
    monkeypatch.chdir(work)
    err = _err(capsys, ["evaluate", "--embeddings", str(d)])
    assert "> csvs.csv`" in err and "then --embeddings csvs.csv" in err and f"{d}.csv" not in err, err
    monkeypatch.chdir(d)   # inside the folder: the joined file goes elsewhere, not into the glob it reads
    err = _err(capsys, ["evaluate", "--embeddings", "."])
    assert "./*.csv > " in err and "> csvs.csv" not in err, err


def test_local_mirror_at_off_a_zone_boundary_is_refused(tmp_path):
    from alphaearth_nb.local_mirror import build_local_mirror
    with pytest.raises(ConfigError, match=r"-74 is no boundary of UTM zones .*nearest -78 and -72.*at=\(-72\.0, 40\.7\)"):
        build_local_mirror(tmp_path / "m", at=(-74.0, 40.7))
    assert not (tmp_path / "m").exists()   # refused before anything is written
    with pytest.raises(ConfigError, match="on a boundary of UTM zones"):
        build_local_mirror(tmp_path / "m", at=("west", 40.7))


def test_the_bar_shows_the_loss_of_the_step_it_counts(tmp_path, monkeypatch):
    seen = []
    class Bar:   # tqdm's calls, each update recording what the bar would then show
        def __init__(self, *a, **k): self.post = {}
        def set_postfix(self, post, refresh=True): self.post = dict(post)
        def update(self, n=1): seen.append(self.post.get("loss"))
        def close(self): pass
    monkeypatch.setattr(train, "tqdm", Bar)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, hist = train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path / "r", loss_fn=standin_loss,
                            steps=3, batch_size=2, progress=True)
    assert seen == [f"{h['loss']:.3g}" for h in hist], (seen, [h["loss"] for h in hist])
