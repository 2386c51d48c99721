"""A similarity COG did not say what it was similar to (analysis.similarity kept its query nowhere), and a map of one
year of a cube said its year only as the instant AEF_TIME='2024-01-01T00:00:00', which `years.map_year` did not read
back from the file (rioxarray puts the tags in attrs as AEF_TIME: None). The map keeps `attrs['query']`
(`queries.query_said`: the point and the CRS it was read in, or 'a vector'), `map_to_cog` writes it as AEF_QUERY and
the year as AEF_YEAR, and `map_year` reads AEF_TIME / AEF_PERIOD_START of a map COG."""
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.exports import map_to_cog
from alphaearth_nb.years import map_year
from alphaearth_nb.testing import embedding_from_array, random_unit

rioxarray = pytest.importorskip("rioxarray")


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((6, 5), seed=1))   # EPSG:32631, 10 m


def _tags(m, path):
    return rioxarray.open_rasterio(map_to_cog(m, path)).attrs


def test_a_point_query_is_kept_in_its_crs(emb, tmp_path):
    x, y = float(emb.x[2]), float(emb.y[3])
    s = emb.aef.similarity((x, y))
    assert s.attrs["query"] == f"x={x:.9g}, y={y:.9g} in EPSG:32631"
    assert _tags(s, tmp_path / "p.tif")["AEF_QUERY"] == s.attrs["query"]
    assert float(s.sel(x=x, y=y)) == pytest.approx(1.0)   # the map is still the query's


def test_a_lonlat_point_and_a_vector_say_so(emb, tmp_path):
    from pyproj import Transformer
    lon, lat = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(float(emb.x[1]), float(emb.y[1]))
    s = emb.aef.similarity({"lon": lon, "lat": lat})
    assert s.attrs["query"] == f"lon={lon:.9g}, lat={lat:.9g}"
    v = emb.aef.similarity(emb.isel(x=0, y=0))
    assert _tags(v, tmp_path / "v.tif")["AEF_QUERY"] == "a vector"


def test_a_year_of_a_cube_reads_back_its_year(emb, tmp_path):
    cube = xr.concat([emb, emb], dim=pd.Index(pd.to_datetime(["2023-01-01", "2024-01-01"]), name="time"))
    s = cube.isel(time=1).aef.similarity(emb.isel(x=0, y=0))
    back = rioxarray.open_rasterio(map_to_cog(s, tmp_path / "y.tif"))
    assert str(back.attrs["AEF_YEAR"]) == "2024" and str(back.attrs["AEF_TIME"]).startswith("2024-01-01")
    assert map_year(back) == 2024 and map_year(back.squeeze("band", drop=True)) == 2024


def test_a_change_map_says_its_two_years_not_one(emb, tmp_path):
    a, b = (emb.assign_attrs(time=f"{y}-01-01") for y in (2023, 2024))
    t = _tags(a.aef.change(b), tmp_path / "c.tif")
    assert str(t["AEF_FROM_YEAR"]) == "2023" and str(t["AEF_TO_YEAR"]) == "2024" and "AEF_YEAR" not in t


def test_the_words_are_of_the_query_as_read_not_a_second_reading(emb, tmp_path):
    """`query_said` read the query again in its own order, before `list_vectors`: a row of lon, lat and its 64-vector
    as a list (read as that vector) was tagged 'a place (DataFrame)', or as a Series or dict its lon/lat point, a place
    it was not; a table row or GeoDataFrame of one point was 'a place (...)', not the point read. Now the one reading
    (`analysis._query`) is worded: a vector, or the point in the CRS it was read in."""
    import geopandas as gpd
    from pyproj import Transformer
    x, y = float(emb.x[1]), float(emb.y[2])
    lon, lat = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(x, y)
    v = list(emb.isel(x=3, y=4).values)
    for row in (pd.DataFrame({"lon": [lon], "lat": [lat], "embedding": [v]}), {"lon": lon, "lat": lat, "embedding": v},
                pd.Series({"lon": lon, "lat": lat, "embedding": v})):
        s = emb.aef.similarity(row)
        assert s.attrs["query"] == "a vector" and float(s.isel(x=3, y=4)) == pytest.approx(1.0)
    assert _tags(s, tmp_path / "r.tif")["AEF_QUERY"] == "a vector"
    at = f"x={x:.9g}, y={y:.9g} in EPSG:32631"
    for place, said in ((pd.DataFrame({"lon": [lon], "lat": [lat], "name": ["a"]}), f"lon={lon:.9g}, lat={lat:.9g}"),
                        (pd.DataFrame({"x": [x], "y": [y], "id": [7]}), at),
                        (gpd.GeoDataFrame(geometry=gpd.points_from_xy([x], [y]), crs=32631), at)):
        s = emb.aef.similarity(place)
        assert s.attrs["query"] == said and float(s.sel(x=x, y=y)) == pytest.approx(1.0)


def test_a_point_on_a_map_of_no_crs_says_the_maps_units(emb):
    e = emb.copy().drop_vars("spatial_ref", errors="ignore")   # a copy: attrs set on a shallow one are the fixture's
    e.attrs = {k: a for k, a in e.attrs.items() if "crs" not in k.lower()}
    assert emb.aef.similarity((float(emb.x[1]), float(emb.y[2]))).attrs["query"].endswith("EPSG:32631")
    assert e.aef.similarity((float(e.x[1]), float(e.y[2]))).attrs["query"].endswith("in the map's units (no CRS)")
