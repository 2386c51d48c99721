"""Areas in hectares (s57 newcomer #8): `class_areas` and `change_area` on hand-worked grids (a 10 m UTM pixel is
0.01 ha; a 0.0001-degree pixel's area is its row's on the WGS84 ellipsoid, checked against pyproj's geodesic area),
and `aef classify` / `aef change` printing them (and writing `<out stem>_areas.csv`)."""
import re
import numpy as np
import pandas as pd
import pytest
import xarray as xr
from pyproj import Geod

from alphaearth_nb import analysis
from alphaearth_nb.areas import change_area, class_areas, pixel_hectares
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError, GridError
from alphaearth_nb.testing import embedding_from_array, random_unit


def _utm(v, crs="EPSG:32631", **attrs):
    v = np.asarray(v)
    return xr.DataArray(v, dims=("y", "x"), name="class", attrs={**({"crs": crs} if crs else {}), **attrs},
                        coords={"y": 5_600_000 - 10.0 * np.arange(v.shape[0]), "x": 600_000 + 10.0 * np.arange(v.shape[1])})


def test_a_10_m_utm_pixel_is_a_hundredth_of_a_hectare_no_data_left_out_names_carried():
    t = class_areas(_utm([[0, 0, 1], [1, 1, -1], [2, -1, -1]], class_names=["water", "crop", "urban"]))
    assert t.columns.tolist() == ["class", "name", "pixels", "hectares", "percent"]
    assert t["name"].tolist() == ["water", "crop", "urban"] and t["pixels"].tolist() == [2, 3, 1]
    np.testing.assert_allclose(t["hectares"], [0.02, 0.03, 0.01])
    np.testing.assert_allclose(t["percent"], [100 * 2 / 6, 50.0, 100 / 6])   # of the 6 mapped pixels, not 9
    assert "name" not in class_areas(_utm([[0, 1]])).columns   # ids of numbers: no names column


@pytest.mark.parametrize("lat0", [0.0, 60.0])
def test_a_lonlat_pixel_is_its_rows_geodesic_area(lat0):
    d = 0.0001
    m = xr.DataArray(np.array([[0, 0], [0, 1], [1, -1]]), dims=("y", "x"), attrs={"crs": "EPSG:4326"},
                     coords={"y": lat0 + d * np.array([1, 0, -1]), "x": 5 + d * np.arange(2)})
    geod = Geod(ellps="WGS84")
    want = [abs(geod.polygon_area_perimeter([5, 5 + d, 5 + d, 5], [y - d / 2, y - d / 2, y + d / 2, y + d / 2])[0]) / 1e4
            for y in m.y.values]
    got = pixel_hectares(m)[:, 0]
    np.testing.assert_allclose(got, want, rtol=1e-3)
    assert 0.0123 < got[1] < 0.01232 if lat0 == 0 else 0.00621 < got[1] < 0.00622   # 123.1 m^2; 62.2 m^2 at 60 N
    t = class_areas(m)
    np.testing.assert_allclose(t["hectares"], [2 * want[0] + want[1], want[1] + want[2]], rtol=1e-9)


def test_a_map_with_no_crs_is_refused_with_the_fix():
    with pytest.raises(GridError, match="write_crs"): class_areas(_utm([[0, 1]], crs=None))
    with pytest.raises(GridError, match="write_crs"): change_area(_utm([[0.0, 1.0]], crs=None), 0.5)


def test_changed_area_above_the_threshold_strictly():
    c = _utm([[0.0, 0.7, 1.2], [np.nan, 0.5, 0.1]]).rename("change")
    s = change_area(c, 0.5)
    assert s["pixels"] == 2
    np.testing.assert_allclose([s["hectares"], s["mapped_hectares"], s["percent"]], [0.02, 0.05, 40.0])
    with pytest.raises(ConfigError, match="a number"): change_area(c, "0.5")
    assert c.aef.change_area(0.5)["pixels"] == 2


def test_classify_and_change_print_hectares_and_write_the_table(tmp_path, capsys):
    e1 = embedding_from_array(random_unit((6, 5), seed=0))
    e2 = embedding_from_array(random_unit((6, 5), seed=1))
    e1.aef.to_cog(tmp_path / "e1.tif")
    e2.aef.to_cog(tmp_path / "e2.tif")
    pd.DataFrame({"x": e1.x.values[[0, 4]], "y": e1.y.values[[0, 5]], "label": ["a", "b"]}).to_csv(tmp_path / "l.csv", index=False)
    assert main(["classify", "--embeddings", str(tmp_path / "e1.tif"), "--labels", str(tmp_path / "l.csv"),
                 "--out", str(tmp_path / "m.tif")]) == 0
    out = capsys.readouterr().out
    t = pd.read_csv(tmp_path / "m_areas.csv")
    assert t["name"].tolist() == ["a", "b"] and t["pixels"].sum() == 30
    np.testing.assert_allclose(t["hectares"].sum(), 0.30)   # 30 pixels of 10 m
    assert f"{t['pixels'][0]:,} pixels, {t['hectares'][0]:,.2f} ha" in out and "m_areas.csv" in out, out
    assert main(["change", "--embeddings", str(tmp_path / "e1.tif"), "--embeddings", str(tmp_path / "e2.tif"),
                 "--threshold", "0.9", "--out", str(tmp_path / "c.tif")]) == 0
    out = capsys.readouterr().out
    s = change_area(analysis.change(e1, e2), 0.9)
    assert 0 < s["pixels"] < 30 and f"changed by more than 0.9 (--threshold): {int(s['pixels'])} pixels, " \
        f"{s['hectares']:,.2f} ha" in out and "of the 0.30 ha mapped" in out, out


def test_the_areas_table_is_refused_as_the_map_is_and_pixels_print_whole(tmp_path, capsys):
    "The classify table ignored --overwrite (a user's m_areas.csv silently replaced) and was a bare to_csv; " \
    "aef change printed '2.0 pixels'. Now an existing table is refused without --overwrite, before the map is written."
    e1 = embedding_from_array(random_unit((6, 5), seed=0))
    e1.aef.to_cog(tmp_path / "e1.tif")
    pd.DataFrame({"x": e1.x.values[[0, 4]], "y": e1.y.values[[0, 5]], "label": ["a", "b"]}).to_csv(tmp_path / "l.csv", index=False)
    (tmp_path / "m_areas.csv").write_text("mine\n")
    args = ["classify", "--embeddings", str(tmp_path / "e1.tif"), "--labels", str(tmp_path / "l.csv"), "--out", str(tmp_path / "m.tif")]
    assert main(args) != 0
    assert (tmp_path / "m_areas.csv").read_text() == "mine\n" and not (tmp_path / "m.tif").exists()
    assert main([*args, "--overwrite"]) == 0
    assert pd.read_csv(tmp_path / "m_areas.csv")["pixels"].sum() == 30
    assert not [p for p in tmp_path.iterdir() if "partial" in p.name or p.name.startswith(".")]
    embedding_from_array(random_unit((6, 5), seed=1)).aef.to_cog(tmp_path / "e2.tif")
    capsys.readouterr()
    assert main(["change", "--embeddings", str(tmp_path / "e1.tif"), "--embeddings", str(tmp_path / "e2.tif"),
                 "--threshold", "0.5", "--out", str(tmp_path / "c.tif")]) == 0
    assert re.search(r"\(--threshold\): \d+ pixels, ", capsys.readouterr().out)


def test_a_lazy_map_is_computed_once_a_call():
    "class_areas / change_area read a lazy map's values twice (`_mapped`, then again): now once a call."
    import dask.array as da
    runs = []
    def count(b):
        if b.size: runs.append(1)   # not dask's meta probe
        return b
    base = xr.DataArray(np.array([[0, 1], [1, -1]], "int16"), dims=("y", "x"), coords={"y": [15.0, 5.0], "x": [5.0, 15.0]})
    m = base.copy(data=da.from_array(base.values, chunks=-1).map_blocks(count, dtype="int16"))
    m.attrs["crs"] = "EPSG:32631"
    class_areas(m)
    assert len(runs) == 1, runs
    runs.clear()
    change_area(m.astype("float32"), 0.5)
    assert len(runs) == 1, runs
