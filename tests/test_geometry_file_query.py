"""A vector file of places (.geojson, .gpkg, .shp, .fgb, a GeoParquet file) where vectors are wanted is told to be
read with geopandas: `gpd.read_file(path)` (GeoParquet: `gpd.read_parquet(path)`), a GeoDataFrame of one point being
a similarity query as it is (session 33's review of bc4bb54/6a63ee2). The advice is chosen in one place,
`core.refuse_path`, so every door of vectors says it (similarity's query, index.exact_search, knn_search). Was: 'load
it first, e.g. `np.load(path)` (a .npy file of vectors), `aef.tables.read_table(path)` ... or `pd.read_parquet(path)`',
none of which reads places."""
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point

import alphaearth_nb as aef
from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import DTypeError
from alphaearth_nb.index import exact_search
from alphaearth_nb.knn import knn_search
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((4, 4), seed=1))
DOORS = {"similarity": lambda p: similarity(E, p), "exact_search": lambda p: exact_search(p, np.zeros(64)),
         "knn_search": lambda p: knn_search(p, np.zeros((1, 64), np.float32), 1)}


def _said(door, path):
    with pytest.raises(DTypeError) as e:
        DOORS[door](path)
    return str(e.value)


@pytest.mark.parametrize("door", list(DOORS))
@pytest.mark.parametrize("path", ["field.geojson", Path("field.gpkg"), "data/pts.shp", Path("x.fgb")])
def test_a_vector_file_names_geopandas_at_every_door(door, path):
    msg = _said(door, path)
    assert f"got the path {str(path)!r}: load it first, e.g. `gpd.read_file(path)` (a vector file of places" in msg, msg
    assert "np.load" not in msg and "read_table" not in msg and "pd.read_parquet" not in msg, msg


def test_a_geoparquet_file_names_read_parquet_and_a_plain_one_the_table(tmp_path):
    geo, plain = tmp_path / "pts.parquet", tmp_path / "rows.parquet"
    gpd.GeoDataFrame({"a": [1]}, geometry=[Point(0, 0)], crs="EPSG:4326").to_parquet(geo)
    pd.DataFrame({"a": [1]}).to_parquet(plain)
    assert "`gpd.read_parquet(path)` (a vector file of places" in _said("similarity", geo)
    for p in (plain, "missing.parquet"):   # a table of rows, or no file to look in: the table's readers
        msg = _said("similarity", p)
        assert "gpd." not in msg and "`pd.read_parquet(path)`" in msg, msg


def test_the_named_reading_runs_as_a_query(tmp_path):
    x, y = float(E.x[1]), float(E.y[2])
    path = tmp_path / "field.geojson"
    gpd.GeoDataFrame({"label": ["a"]}, geometry=[Point(x, y)], crs="EPSG:32631").to_file(path)
    msg = _said("similarity", path)
    code = [c for c in re.findall(r"`([^`]+)`", msg) if c.startswith(("aef.similarity(", "emb."))]
    env = {"emb": E, "gpd": gpd, "path": path, "aef": aef}   # README's import: no bare similarity
    s = eval(code[0], env)
    np.testing.assert_allclose(s.values, similarity(E, E.values[2, 1]).values, atol=1e-6)
    table = eval(code[1], env)
    np.testing.assert_allclose(table[aef.band_names()].to_numpy()[0], E.values[2, 1], atol=1e-6)


def test_other_files_keep_their_readers():
    assert "`np.load(path)` (a .npy file of vectors)" in _said("similarity", "v.npy")
    assert "gpd." not in _said("knn_search", "x.npy")
