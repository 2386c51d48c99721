"""Three more hints name code that runs as written after README's `import alphaearth_nb as aef`, as queries' and
points' do since 6a9d4910: a vector file as a similarity query (`aef.similarity(emb, gpd.read_file(path))`,
loaders.loader_of), integer embeddings to quantize (`aef.dequantize(q)`) and a DataArray without a 64-long band dim
(`aef.embed(...)`, `aef.from_official(ds)`). Was: bare `similarity(...)`, `dequantize(q)`, `embed(...)`,
`from_official(ds)`: NameError under that import (review46)."""
import re

import geopandas as gpd
import numpy as np
import pytest
import xarray as xr
from shapely.geometry import Point

import alphaearth_nb as aef
from alphaearth_nb.core import DimensionError, DTypeError
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((4, 4), seed=1))   # 10 m, corner (500000, 5000000), EPSG:32631


def _code(msg, word):
    return [c for c in re.findall(r"`([^`]+)`", msg) if word in c]


def test_a_vector_file_query_names_aef_similarity(tmp_path):
    path = str(tmp_path / "pt.gpkg")
    gpd.GeoDataFrame({"a": [1]}, geometry=[Point(500015.0, 4999985.0)], crs="EPSG:32631").to_file(path)
    with pytest.raises(DTypeError) as e: aef.similarity(E, path)
    calls = _code(str(e.value), "similarity(")
    assert calls == ["aef.similarity(emb, gpd.read_file(path))"], str(e.value)
    got = eval(calls[0], {"aef": aef, "gpd": gpd, "emb": E, "path": path})   # runs as written
    assert got.sizes == {"y": 4, "x": 4} and float(got.sel(x=500015.0, y=4999985.0)) == pytest.approx(1.0, abs=1e-5)


def test_integer_embeddings_name_aef_dequantize():
    q = aef.quantize(E.values)
    with pytest.raises(DTypeError) as e: aef.quantize(q)
    calls = _code(str(e.value), "dequantize(")
    assert calls == ["aef.dequantize(q)"], str(e.value)
    np.testing.assert_allclose(np.asarray(eval(calls[0], {"aef": aef, "q": q})), E.values, atol=0.02)


def test_no_band_dim_names_aef_embed_and_from_official():
    bad = xr.DataArray(np.zeros((2, 3, 5)), dims=("y", "x", "c"))
    with pytest.raises(DimensionError) as e: aef.similarity(bad, np.ones(64))
    msg = str(e.value)
    assert "`aef.embed(...)`" in msg and "`aef.from_official(ds)`" in msg, msg
    assert not re.search(r"`(embed|from_official)\(", msg), msg
    assert callable(aef.embed) and callable(aef.from_official)   # the callable module and the function
