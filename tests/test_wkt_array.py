"""A 1-D numpy array of WKT texts (`np.array(['POINT (x y)', ...])`, `gdf.geometry.to_wkt().to_numpy()`) is read as
the list of them, named 'the array of WKT texts' in its messages. Was: LabelError 'cannot read places from ndarray:
pass (lon, lat) arrays, ... shapely geometries or WKT (with `crs=`), or a file path', which it is."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.places import read_geometries, sample

pytest.importorskip("geopandas")


def test_array_of_wkt(utm_emb):
    e = utm_emb(0)
    xs, ys = e.x.values[[1, 3, 8]], e.y.values[[2, 5, 9]]
    texts = [f"POINT ({x} {y})" for x, y in zip(xs, ys)]
    want = sample(e, texts)
    got = sample(e, np.array(texts))
    np.testing.assert_allclose(got["A00"].to_numpy(float), want["A00"].to_numpy(float))
    assert got["inside"].all() and len(read_geometries(np.array(texts, dtype=object), crs="EPSG:32631")) == 3
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        sample(e, np.array(texts + ["POINT EMPTY"]))
    msg = [str(w.message) for w in said if issubclass(w.category, NoDataWarning)]
    assert len(msg) == 1 and msg[0].startswith("1 of 4 texts of the array of WKT texts have no coordinates"), msg
