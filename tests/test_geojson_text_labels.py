"""GeoJSON text given as places (`gdf.to_json()`, `open('fields.geojson').read()`) is read as the GeoJSON it is by every
door of places: `classify` trains on its features' properties as it does on the FeatureCollection dict (points and
polygons), as `sample` and `similarity` read it. Text is never looked up as a file's name (`vector_layers.places_path`):
a long text that is no file, no GeoJSON and no WKT is a `LabelError` naming what is taken, shown shortened. GeoJSON
text is parsed by one function, `points.geojson_text` (`as_geojson`, `geometry_columns.is_geojson_text`,
`places_path`), which reads text nested past Python's recursion limit as no GeoJSON. Was (main 44c31170): a raw
`OSError` '[Errno 36] File name too long: '{"type": "FeatureCollection", ...' from `Path.exists`, and a raw
`RecursionError` from `as_geojson` for deeply nested text (field cases C2-v38, C2-v42, G1-v13)."""
import json

import numpy as np
import pytest

from alphaearth_nb.core import AEFError, LabelError
from alphaearth_nb.testing import embedding_from_array, random_unit

pyproj = pytest.importorskip("pyproj")
shapely = pytest.importorskip("shapely")
pytest.importorskip("geopandas")

IDS = [1101000000, 2501000000, 4102000040]   # WorldCereal ewoc_codes: beyond int32
ROWS = [(2, 0, 0), (1, 1, 0), (0, 2, 1), (1, 3, 1), (4, 4, 2), (3, 3, 2)]   # (row, column, class) of each labelled pixel


def _map_and_lonlat():
    e = embedding_from_array(random_unit((5, 5), seed=11))
    to_ll = pyproj.Transformer.from_crs(e.attrs["crs"], 4326, always_xy=True).transform
    return e, to_ll


def test_feature_collection_text_of_points_is_read_as_labels():
    e, to_ll = _map_and_lonlat()
    feats = [{"type": "Feature", "properties": {"ewoc_code": IDS[k]},
              "geometry": {"type": "Point", "coordinates": list(to_ll(float(e.x[c]), float(e.y[r])))}}
             for r, c, k in ROWS]
    text = json.dumps({"type": "FeatureCollection", "features": feats})
    out = e.aef.classify(text, k=1, column="ewoc_code")["class"]
    assert out.dtype == np.int64
    assert [int(out.values[r, c]) for r, c, _ in ROWS] == [IDS[k] for *_, k in ROWS]
    same = e.aef.classify(json.loads(text), k=1, column="ewoc_code")["class"]   # the dict: one reading
    np.testing.assert_array_equal(out.values, same.values)


def test_feature_collection_text_of_polygons_labels_the_pixels_inside():
    "Hand-worked: a square of 8 m round a pixel centre (pixels of 10 m) holds that pixel's centre only."
    from shapely.geometry import box, mapping
    e, to_ll = _map_and_lonlat()
    transform = lambda fn, g: shapely.transform(g, fn, interleaved=False)
    feats = [{"type": "Feature", "properties": {"ewoc_code": IDS[k]},
              "geometry": mapping(transform(to_ll, box(float(e.x[c]) - 4, float(e.y[r]) - 4, float(e.x[c]) + 4,
                                                     float(e.y[r]) + 4)))} for r, c, k in ROWS]
    out = e.aef.classify(json.dumps({"type": "FeatureCollection", "features": feats}), method="linear",
                         column="ewoc_code")["class"]
    assert [int(out.values[r, c]) for r, c, _ in ROWS] == [IDS[k] for *_, k in ROWS]


@pytest.mark.parametrize("text, said", [
    ("x" * 300, "names no file and is no GeoJSON or WKT"),
    ('{"type": "FeatureCollection", "features": [' + "x" * 300, "which is no JSON"),
    ('{"type": "Topology", "objects": {}}' + " " * 300, "JSON of no GeoJSON type"),
])
def test_text_that_is_no_places_is_refused_naming_what_is_taken(text, said):
    e, _ = _map_and_lonlat()
    for call in (lambda: e.aef.classify(text, k=1), lambda: e.aef.sample(text)):
        with pytest.raises(LabelError, match=said) as got:
            call()
        msg = str(got.value)
        assert "GeoJSON text" in msg and "WKT" in msg and len(msg) < 400, msg   # shown shortened
        assert f"({len(text):,} characters)" in msg


def test_deeply_nested_geojson_text_is_no_geojson_at_every_door():
    from alphaearth_nb.geometry_columns import is_geojson_text
    from alphaearth_nb.points import as_geojson, geojson_text
    from alphaearth_nb.vector_layers import places_path
    deep = '{"type": "Point", "coordinates": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert geojson_text(deep) is None and as_geojson(deep) is deep and not is_geojson_text(deep)
    assert places_path(deep) is None
    e, _ = _map_and_lonlat()
    for call in (lambda: e.aef.similarity(deep), lambda: e.aef.sample(deep), lambda: e.aef.classify(deep, k=1)):
        with pytest.raises(AEFError):
            call()


def test_one_parser_reads_the_types_each_door_takes():
    from alphaearth_nb.geometry_columns import is_geojson_text
    from alphaearth_nb.points import GEOJSON_TYPES, as_geojson, geojson_text
    from alphaearth_nb.vector_layers import places_path
    pt = '{"type": "Point", "coordinates": [5, 44]}'
    fc = '{"type": "FeatureCollection", "features": []}'
    assert geojson_text(pt) == {"type": "Point", "coordinates": [5, 44]} and as_geojson(fc)["features"] == []
    assert is_geojson_text(pt) and is_geojson_text(' {"type": "Feature", "geometry": null}')
    assert not is_geojson_text(fc)   # a table's cell holds one geometry (or a Feature of one)
    assert len(GEOJSON_TYPES) == 9 and all(geojson_text(json.dumps({"type": t})) for t in GEOJSON_TYPES)
    for text in (pt, fc, "POINT (5 44)", "SRID=4326;POINT (5 44)"):
        assert places_path(text) is None   # places themselves: never a file's name
