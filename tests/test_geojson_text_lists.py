"""A list, tuple, 1-D array or Series of GeoJSON texts (`df['geom'].tolist()` of PostGIS's `ST_AsGeoJSON`, Points or
Features) are the places they say (`points.as_geojson`: their FeatureCollection), so `sample` reads them, as the
similarity refusal of several GeoJSON texts says it does ('sample them, `v = emb.aef.sample(pts)...`'). Was (main
75eb17d1): `sample` raised a raw ValueError 'could not convert string to float: '{"type": "Point", ...' for a list
or tuple, and LabelError 'cannot read places from ndarray' / '... from Series' for an array or Series."""
import json

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import DimensionError, band_names
from alphaearth_nb.points import as_geojson
from alphaearth_nb.testing import embedding_from_array, random_unit

pyproj = pytest.importorskip("pyproj")
pytest.importorskip("geopandas")

E = embedding_from_array(random_unit((5, 6), seed=4))   # 10 m pixels, EPSG:32631
TO_LL = pyproj.Transformer.from_crs(E.attrs["crs"], 4326, always_xy=True).transform
COLS = (1, 3)   # the points' pixels: row 2, columns 1 and 3


def _texts(feature=False):
    pts = [{"type": "Point", "coordinates": list(TO_LL(float(E.x[c]), float(E.y[2])))} for c in COLS]
    return [json.dumps({"type": "Feature", "properties": {"id": i}, "geometry": p} if feature else p)
            for i, p in enumerate(pts)]


@pytest.mark.parametrize("form", [list, tuple, np.array, pd.Series])
@pytest.mark.parametrize("feature", [False, True])
def test_sample_reads_geojson_texts_in_any_one_dimensional_form(form, feature):
    t = E.aef.sample(form(_texts(feature)))
    assert t["inside"].all() and len(t) == 2
    np.testing.assert_allclose(t[band_names()].to_numpy(float), E.isel(y=2, x=list(COLS)).values, rtol=1e-6)


def test_the_similarity_refusal_of_several_texts_runs_as_written():
    pts = _texts()
    with pytest.raises(DimensionError, match="got 2 places \\(GeoJSON texts\\)") as e:
        E.aef.similarity(pts)
    call = next(s for s in str(e.value).split("`")[1::2] if s.startswith("v = "))   # 'v = emb.aef.sample(pts)[...]...'
    env = {"emb": E, "pts": pts, "np": np, "aef": aef, "band_names": band_names,
           "similarity": aef.analysis.similarity}
    exec(call, env)
    mean = E.isel(y=2, x=list(COLS)).values.mean(0)
    np.testing.assert_allclose(env["v"], mean, rtol=1e-6)


def test_other_lists_are_as_they_are():
    for other in (["POINT (1 2)", '{"type": "Point", "coordinates": [1, 2]}'], ['{"type": "Topology"}'],
                  [1.0, 2.0], np.zeros(64), pd.Series({"lon": 2.35, "lat": 48.85})):
        assert as_geojson(other) is other
