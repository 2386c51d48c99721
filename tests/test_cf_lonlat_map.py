"""A map with lat/lon dims and no CRS but CF's coordinate attributes (CF 1.11 4.1 and 4.2: units 'degrees_east' /
'degrees_north', or standard_name 'longitude' / 'latitude', as netCDF files of climate and reanalysis data carry
them) is read as EPSG:4326 by `spatial.crs_of`, so it wraps across the antimeridian as a map with a CRS does,
0..360 longitudes too. Was: no CRS (None): a point at -179.75 was 'outside the grid' of a map stored 179.25..180.75,
`turn_shift` 0, `similarity` and `sample` of a lon/lat point 'the embedding has no CRS'."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import analysis, antimeridian, geo, places, spatial
from alphaearth_nb.testing import random_unit

LON = np.array([179.25, 179.75, 180.25, 180.75])   # 0..360 longitudes across 180, 0.5 degree pixels
LAT = np.array([0.75, 0.25, -0.25, -0.75])
BANDS = [f"A{i:02d}" for i in range(64)]


def cf_map(lon_attrs=None, lat_attrs=None, lon=LON):
    lon_attrs = {"units": "degrees_east", "standard_name": "longitude"} if lon_attrs is None else lon_attrs
    lat_attrs = {"units": "degrees_north", "standard_name": "latitude"} if lat_attrs is None else lat_attrs
    return xr.DataArray(random_unit((4, len(lon)), seed=1), dims=("lat", "lon", "band"),
                        coords={"lat": ("lat", LAT, lat_attrs), "lon": ("lon", lon, lon_attrs), "band": BANDS})


@pytest.mark.parametrize("lon_attrs, lat_attrs", [
    (None, None),
    ({"units": "degrees_east"}, {"units": "degrees_north"}),
    ({"units": "degree_E"}, {"units": "degrees_N"}),           # CF's other spellings of the units
    ({"standard_name": "longitude"}, {"standard_name": "latitude"}),
])
def test_cf_longitude_and_latitude_are_epsg_4326(lon_attrs, lat_attrs):
    m = cf_map(lon_attrs, lat_attrs)
    assert spatial.crs_of(m) == "EPSG:4326"
    assert spatial.crs_of(m.to_dataset(dim="band")) == "EPSG:4326"
    assert spatial.crs_of(m.rename(lat="y", lon="x")) == "EPSG:4326"


@pytest.mark.parametrize("lon_attrs, lat_attrs", [
    ({}, {}),                                                   # names alone say no CRS
    ({"units": "degrees_east"}, {}),                            # one axis alone is not a lon/lat grid
    ({"standard_name": "grid_longitude"}, {"standard_name": "grid_latitude"}),   # a rotated pole: not EPSG:4326
    ({"units": "m"}, {"units": "m"}),
])
def test_no_cf_lonlat_no_crs(lon_attrs, lat_attrs):
    assert spatial.crs_of(cf_map(lon_attrs, lat_attrs)) is None


def test_a_crs_written_wins_over_cf_attributes():
    assert spatial.crs_of(cf_map().assign_attrs(crs="EPSG:4269")) == "EPSG:4269"


def test_a_point_across_180_finds_its_pixel_on_a_0_360_map():
    m = cf_map()
    rows, cols = geo.pixel_indices(m, [-179.75, 179.25], [0.25, -0.75])   # -179.75 is 180.25: column 2
    assert rows.tolist() == [1, 3] and cols.tolist() == [2, 0]
    assert geo.inside_grid(m, [-179.75, -178.9, 178.9], [0.0] * 3).tolist() == [True, False, False]
    r, c, inside = places.pixel_of(m, [-179.25], [-0.25])   # lat/lon dims read as y/x; 180.75 is column 3
    assert (r.tolist(), c.tolist(), inside.tolist()) == ([2], [3], [True])
    assert antimeridian.turn_shift(m, -179.75) == 360.0


def test_the_same_answers_as_the_map_with_its_crs_written():
    m = cf_map()
    w = spatial.write_crs(m.rename(lat="y", lon="x"), "EPSG:4326")
    xs, ys = [-179.9, 180.6, -179.3], [0.6, -0.1, -0.6]
    for a, b in zip(geo.pixel_indices(m, xs, ys), geo.pixel_indices(w, xs, ys)): assert a.tolist() == b.tolist()
    np.testing.assert_array_equal(geo.wrap_x(m, xs), geo.wrap_x(w, xs))


def test_similarity_and_sample_of_a_lonlat_point():
    m = cf_map()
    s = analysis.similarity(m, {"lon": -179.75, "lat": 0.25})   # the vector of pixel (row 1, column 2): cosine 1 there
    assert float(s.isel({d: i for d, i in zip(s.dims, (1, 2))})) == pytest.approx(1.0, abs=1e-6)
    v = places.sample(m, {"lon": [-179.75], "lat": [0.25]})
    got = np.asarray(v[BANDS].to_numpy() if hasattr(v, "columns") else v, np.float64).ravel()[-64:]
    np.testing.assert_allclose(got, m.values[1, 2], atol=1e-6)


def test_a_degrees_map_without_crs_or_cf_attributes_is_told_epsg_4326():
    from alphaearth_nb.core import GridError
    m = cf_map({}, {})   # lat/lon dims, no attrs, no CRS: degrees by their names, but nothing says so
    with pytest.raises(GridError, match=r"no CRS: set it, e.g. `emb.attrs\['crs'\] = 'EPSG:4326'`.*degrees_east"):
        analysis.similarity(m, {"lon": -179.75, "lat": 0.25})
    fixed = m.assign_attrs(crs="EPSG:4326")   # the fix, as written: the point across 180 finds its pixel
    assert float(analysis.similarity(fixed, {"lon": -179.75, "lat": 0.25})[1, 2]) == pytest.approx(1.0, abs=1e-6)
