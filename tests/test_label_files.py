"""Label files: `Explorer.save_labels` writes RFC 7946 GeoJSON (WGS 84 lon/lat, no `crs` member), and every reader of
label files (classify, training_set, label_table, places.read_geometries) reads it and the files saved before (grid
CRS named by a `crs` member) onto the same pixels."""
import importlib.util
import json

import numpy as np
import pytest

from alphaearth_nb.geo import pixel_indices
from alphaearth_nb.testing import embedding_from_array, random_unit

pytestmark = pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None,
                                reason="needs the maps extra (ipyleaflet)")


def _labelled(emb, n=60, seed=0):
    "An Explorer with `n` labels at random points inside the map (two classes), and those points (x, y)."
    from alphaearth_nb.explorer import Explorer
    m = Explorer(emb, basemaps=False)
    rng = np.random.default_rng(seed)
    x, y = emb.x.values, emb.y.values
    hx, hy = abs(x[1] - x[0]) / 2, abs(y[1] - y[0]) / 2
    xs = rng.uniform(x.min() - hx * 0.999, x.max() + hx * 0.999, n)
    ys = rng.uniform(y.min() - hy * 0.999, y.max() + hy * 0.999, n)
    xs[:2], ys[:2] = x[[0, -1]], y[[0, -1]]                  # pixel centres too
    col = pixel_indices(emb, xs, ys)[1]
    names = np.where(col < emb.sizes["x"] // 2, "a", "b")          # a pixel holds one class
    for a, b, n in zip(xs, ys, names): m.add_label(float(a), float(b), str(n), crs=m.crs)
    return m, xs, ys, names


def _old_file(m, path):
    "The file `save_labels` wrote before: grid CRS coordinates with a `crs` member."
    path.write_text(m.labels.to_json(drop_id=True))
    assert ("crs" in json.loads(path.read_text())) == (m.crs != "EPSG:4326")
    return path


def _cases():
    from alphaearth_nb.geo import to_crs
    from alphaearth_nb.spatial import grid_coords
    utm = embedding_from_array(random_unit((12, 10), seed=3))                       # EPSG:32631, 10 m
    x, y = to_crs([180.0], [-17.0], "EPSG:4326", "EPSG:32760")                         # UTM 60 S across 180 deg
    across = embedding_from_array(random_unit((12, 12), seed=5)).assign_coords(
        x=np.round(x[0]) - 55 + 10 * np.arange(12), y=np.round(y[0]) + 55 - 10 * np.arange(12))
    across.attrs["crs"] = "EPSG:32760"
    past = embedding_from_array(random_unit((6, 6), seed=4),                           # lon/lat, x past 180
                                coords=grid_coords(6, 6, x0=179.9996, y0=10.0, res=0.0001), crs="EPSG:4326")
    south = utm.isel(y=slice(None, None, -1))                                         # stored south-first
    return {"utm": utm, "across_180": across, "lonlat_past_180": past, "south_first": south}


@pytest.mark.parametrize("case", ["utm", "across_180", "lonlat_past_180", "south_first"])
def test_saved_labels_are_rfc7946_and_land_on_their_pixels(tmp_path, case):
    "Was: UTM metres (e.g. 500003.2, 4999987.1) with a `crs` member, which RFC 7946 readers take for degrees."
    from alphaearth_nb.cubes import label_table
    emb = _cases()[case]
    m, xs, ys, names = _labelled(emb)
    gj = json.loads(m.save_labels(tmp_path / "new.geojson").read_text())
    assert "crs" not in gj and len(gj["features"]) == len(xs)
    lonlat = np.array([f["geometry"]["coordinates"] for f in gj["features"]])
    assert (np.abs(lonlat[:, 0]) <= 180).all() and (np.abs(lonlat[:, 1]) <= 90).all(), lonlat[:3]
    props = [f["properties"] for f in gj["features"]]
    np.testing.assert_array_equal([(p["x"], p["y"]) for p in props], np.c_[xs, ys])   # the grid's own, exact
    want = pixel_indices(emb, xs, ys)
    old = _old_file(m, tmp_path / "old.geojson")
    for path in (tmp_path / "new.geojson", old):
        t = label_table(emb, path)
        got = pixel_indices(emb, t.x.to_numpy(), t.y.to_numpy())
        for a, b in zip(got, want): np.testing.assert_array_equal(a, b)
        assert list(t.label) == list(names)


def test_classify_training_set_and_places_read_both_files(tmp_path):
    from alphaearth_nb.places import read_geometries
    from alphaearth_nb.supervised import training_set
    emb = _cases()["utm"]
    m, xs, ys, names = _labelled(emb, n=20, seed=1)
    new, old = m.save_labels(tmp_path / "new.geojson"), _old_file(m, tmp_path / "old.geojson")
    assert read_geometries(new).crs.to_epsg() == 4326 and read_geometries(old).crs.to_epsg() == 32631
    (Xn, yn), (Xo, yo) = training_set(emb, new), training_set(emb, old)
    np.testing.assert_array_equal(Xn, Xo); np.testing.assert_array_equal(yn, yo)
    a, b = emb.aef.classify(new), emb.aef.classify(old)
    np.testing.assert_array_equal(a["class"].values, b["class"].values)
    assert list(a.classes.values) == ["a", "b"]
