"""classify/regress of a lazy map with labels off it read the map before the labels were placed: on a lazy official
cube (2 x 401 x 322) 9 of 12 chunks (one year) or 30 chunk reads (two years) ran before the off-map LabelError
(the gate's sample, the no-data check, then a cube's years_with_data). The labels are now placed on the map's grid
from its coordinates before any value is read (`supervised.place_labels` in `as_embedding`'s `before_read`), so
that refusal reads no chunk; and `off_map='drop'` (`aef classify --off-map drop`) leaves the points off the map out,
counted in a warning, where the refusal said "drop those" with no way to."""
import threading
import warnings

import dask.array as dsa
import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb import analysis
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError, LabelError, LabelWarning, NoValidDataError
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit

SIDE = 64


def _counted(time=False, h=3 * SIDE, w=4 * SIDE):
    "A lazy map (a 2-year cube with `time`) of SIDE-pixel chunks recording each chunk computed: (map, computed)."
    computed, lock = [], threading.Lock()
    def block(block_info=None):
        loc = block_info[None]["array-location"]
        (t0, _), (y0, y1), (x0, x1) = ((0, 1), *loc[:2]) if not time else loc[:3]
        with lock: computed.append((t0, y0, x0))
        v = random_unit((y1 - y0, x1 - x0), t0 * 1000 + y0 + x0)
        return v.reshape((1,) * time + v.shape)
    chunks = ((SIDE,) * (h // SIDE), (SIDE,) * (w // SIDE), (64,))
    data = dsa.map_blocks(block, chunks=((1, 1),) * time + chunks, dtype="float32")
    m = embedding_from_array(np.zeros((1, 1, 64), "float32"))
    coords = {"y": 5e6 - 10.0 * np.arange(h), "x": 5e5 + 10.0 * np.arange(w), "band": m.band.values}
    if time: coords["time"] = np.array(["2023-01-01", "2024-01-01"], "datetime64[ns]")
    return xr.DataArray(data, dims=("time",) * time + ("y", "x", "band"), coords=coords, attrs=m.attrs), computed


def _points(m, off=1):
    "Six labelled points on map `m` (two classes) and `off` more east of it."
    x, y = m.x.values, m.y.values
    pts = pd.DataFrame({"x": [x[3], x[40], x[100], x[150], x[200], x[250]], "y": [y[5], y[60], y[120], y[20], y[90], y[180]],
                        "label": [1, 1, 1, 2, 2, 2], "value": [0.5, 1.0, 1.5, 2.0, 2.5, 3.0]})
    far = pd.DataFrame({"x": x[-1] + 1e4 * (1 + np.arange(off)), "y": y[10], "label": 2, "value": 9.0})
    return pd.concat([pts, far], ignore_index=True)


@pytest.mark.parametrize("time", [False, True])
@pytest.mark.parametrize("fn", ["classify", "regress"])
def test_labels_off_the_map_are_refused_before_a_chunk_is_read(fn, time):
    m, computed = _counted(time)
    with pytest.raises(LabelError, match=r"1 label\(s\) lie outside the grid"):
        getattr(analysis, fn)(m, _points(m.isel(time=0) if time else m), column="label" if fn == "classify" else "value",
                             crs="EPSG:32631")
    assert computed == [], computed   # was: the gate's sample, the no-data check (and a cube's years) first


def test_the_refusal_names_the_way_to_drop_them():
    m, _ = _counted()
    with pytest.raises(LabelError, match=r"drop it \(`off_map='drop'` leaves it out\), or use a map"):
        analysis.classify(m, _points(m), k=1, crs="EPSG:32631")
    with pytest.raises(LabelError, match=r"drop those \(`off_map='drop'` leaves them out\), or use a map"):
        analysis.classify(m, _points(m, off=2), k=1, crs="EPSG:32631")


def test_off_map_drop_leaves_them_out_counted_and_equal_to_the_points_on_it():
    m, _ = _counted()
    m = m.compute()
    pts = _points(m, off=2)
    with pytest.warns(LabelWarning, match=r"2 of 8 labelled points lie off the map .*: left out, as asked"):
        got = analysis.classify(m, pts, k=1, crs="EPSG:32631", off_map=" Drop")
    want = analysis.classify(m, pts.iloc[:6], k=1, crs="EPSG:32631")
    np.testing.assert_array_equal(got["class"].values, want["class"].values)
    with pytest.warns(LabelWarning, match="2 of 8 labelled points lie off the map"):
        reg = analysis.regress(m, pts, column="value", method="knn", k=1, crs="EPSG:32631", off_map="drop")
    np.testing.assert_array_equal(reg.values, analysis.regress(m, pts.iloc[:6], column="value", method="knn", k=1,
                                                                    crs="EPSG:32631").values)
    with warnings.catch_warnings():
        warnings.simplefilter("error", LabelWarning)   # all on it: nothing said
        analysis.classify(m, pts.iloc[:6], k=1, crs="EPSG:32631", off_map="drop")


def test_every_label_off_the_map_is_still_refused_and_another_word_is_a_config_error():
    m, _ = _counted()
    far = _points(m, off=3).iloc[6:]
    far.loc[:, "label"] = [1, 2, 1]
    with pytest.raises(LabelError, match=r"3 label\(s\) lie outside the grid"):
        analysis.classify(m, far, k=1, crs="EPSG:32631", off_map="drop")
    with pytest.raises(ConfigError, match="off_map='skip': use 'refuse'"):
        analysis.classify(m, _points(m), k=1, crs="EPSG:32631", off_map="skip")


def test_an_empty_cube_is_still_the_cube_s_no_data():
    "The cube's no-data check moved after its years (the labels first): a cube without data says so, once."
    m = embedding_from_array(random_unit((4, 5), 0))
    cube = xr.concat([m * np.nan, m * np.nan], "time").assign_coords(time=[2023, 2024])
    pts = pd.DataFrame({"x": m.x.values[[0, 1, 2, 3]], "y": m.y.values[[0, 1, 2, 3]], "label": [1, 1, 2, 2]})
    with pytest.raises(NoValidDataError, match="classify: the cube holds no data"):
        analysis.classify(cube, pts, k=1)


def test_aef_classify_off_map_drop(tmp_path, capsys):
    m, _ = _counted()
    m = m.compute()
    to_cog(m, tmp_path / "e.tif")
    e = aef.exports.read_cog(tmp_path / "e.tif")
    pts = _points(e)
    pts[["x", "y", "label"]].to_csv(tmp_path / "pts.csv", index=False)
    argv = ["classify", "--embeddings", str(tmp_path / "e.tif"), "--labels", str(tmp_path / "pts.csv"), "--crs",
            "EPSG:32631", "--k", "1"]
    assert main([*argv, "--out", str(tmp_path / "a.tif")]) == 2
    err = capsys.readouterr().err
    assert "drop it (`--off-map drop` leaves it out)" in err and "off_map" not in err.replace(str(tmp_path), ""), err
    with pytest.warns(LabelWarning, match="1 of 7 labelled points lie off the map"):
        assert main([*argv, "--off-map", "drop", "--out", str(tmp_path / "b.tif")]) == 0
    assert (tmp_path / "b.tif").exists()
