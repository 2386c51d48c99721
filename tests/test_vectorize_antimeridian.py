"""vectorize answers its polygons as the map writes x (`geo.geometries_like`, as `cubes.aggregate` its zones since
b97ac73): on a lon/lat map whose reader wrapped longitude at 180 (179.99975, -179.99975) every polygon lies in
[-180, 180], one across 180 split there (GeoJSON, RFC 7946 3.1.9). Was: traced on the one-span grid, polygons
reached 180.001, off the map in every GeoJSON reader. A map stored as one span (past 180) keeps its own."""
import numpy as np, pytest, xarray as xr
pytest.importorskip("rasterio"); pytest.importorskip("geopandas")
from alphaearth_nb.exports import vectorize

XS = np.array([179.99925, 179.99975, 180.00025, 180.00075])
YS = np.array([10.00075, 10.00025, 9.99975, 9.99925])
CLASSES = np.array([[1, 1, 1, 1], [1, 1, 2, 2], [2, 2, 2, 2], [3, 3, 3, 3]])

def _map(xs, a=CLASSES):
    return xr.DataArray(a, dims=("y", "x"), coords=dict(x=xs, y=YS), attrs={"crs": "EPSG:4326"})

def test_wrapped_map_polygons_in_range():
    g = vectorize(_map((XS + 180) % 360 - 180))
    b = g.bounds
    assert (b.minx >= -180).all() and (b.maxx <= 180).all()
    assert set(g["value"]) == {1, 2, 3} and (g.geom_type == "MultiPolygon").all()   # each row crosses 180
    one = g.set_index("value").geometry
    assert one[3].bounds == pytest.approx((-180, 9.999, 180, 9.9995), abs=1e-9)
    # the same pixels as the one-span map's polygons, moved by a turn east of 180
    span = vectorize(_map(XS)).set_index("value").geometry
    for v in (1, 2, 3):
        assert one[v].area == pytest.approx(span[v].area, rel=1e-9)

def test_one_span_map_kept():
    b = vectorize(_map(XS)).bounds
    assert b.maxx.max() == pytest.approx(180.001)

def test_wrapped_map_part_east_of_180():
    "A wrapped map's polygon wholly east of 180 (its columns -179.99975, -179.99925) lies at -180 .. -179.999."
    a = np.array([[-1, -1, 5, 5]] * 4)
    g = vectorize(_map((XS + 180) % 360 - 180, a))
    assert g.geometry[0].bounds == pytest.approx((-180.0, 9.999, -179.999, 10.001), abs=1e-9)

def test_dataset_crs_on_the_dataset():
    "A Dataset with its CRS in its own attrs only: its wrapped map read as a circle (was GridError: x not monotonic)."
    m = _map((XS + 180) % 360 - 180)
    ds = xr.Dataset({"class": m}, attrs={"crs": "EPSG:4326"})
    ds["class"].attrs = {}
    b = vectorize(ds).bounds
    assert (b.minx >= -180).all() and (b.maxx <= 180).all()
