"""GeoJSON text (`open('p.geojson').read()`, `gdf.to_json()`) and a list of GeoJSON Features (`fc['features']`) are
the GeoJSON dict they are (`points.as_geojson`) at both doors of points: `similarity` reads one point (its maximum at
the point's pixel) and refuses several naming how many; `sample` reads one or many. Was: similarity's 'a similarity
query holds text, not numbers (Unable to parse string ...)' / '(Invalid object type at position 0)', and sample's
'no file at {"type": ...: check the path' and 'cannot read places from list'."""
import json

import numpy as np
import pytest

from alphaearth_nb.core import DimensionError, band_names
from alphaearth_nb.points import as_geojson
from alphaearth_nb.testing import embedding_from_array, random_unit

pyproj = pytest.importorskip("pyproj")
pytest.importorskip("geopandas")


def test_geojson_text_and_feature_lists_are_points():
    e = embedding_from_array(random_unit((6, 8), seed=4))
    x, y = float(e.x[3]), float(e.y[2])
    lon, lat = pyproj.Transformer.from_crs(e.attrs["crs"], 4326, always_xy=True).transform(x, y)
    pt = {"type": "Point", "coordinates": [lon, lat]}
    feat = {"type": "Feature", "properties": {"id": 1}, "geometry": pt}
    fc = {"type": "FeatureCollection", "features": [feat]}
    want = e.aef.similarity((lon, lat), crs="EPSG:4326").values
    for q in (json.dumps(pt), json.dumps(fc, indent=1), "\n " + json.dumps(feat), [feat], (feat,)):
        np.testing.assert_allclose(e.aef.similarity(q).values, want, err_msg=str(q))
        t = e.aef.sample(q)
        assert len(t) == 1 and bool(t["inside"].iloc[0])
        np.testing.assert_allclose(t[band_names()].to_numpy(float)[0], e.isel(y=2, x=3).values, rtol=1e-6)
    for q, said in ((json.dumps({**fc, "features": [feat] * 2}), "a GeoJSON FeatureCollection of 2 features"),
                    ([feat, feat], "a list of 2 GeoJSON Features"),   # named as given (s45; was 'FeatureCollection')
                    ((feat, feat), "a tuple of 2 GeoJSON Features")):
        with pytest.raises(DimensionError, match=said): e.aef.similarity(q)
        assert len(e.aef.sample(q)) == 2   # sample takes many
    for other in ("{not json}", "{}", '{"type": "Topology"}', [], [pt], "POINT (1 2)"):
        assert as_geojson(other) is other   # no GeoJSON: as it is
