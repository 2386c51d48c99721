"""A GeoJSON file is in lon/lat (EPSG:4326) by RFC 7946 unless its 2008-spec `crs` member names another (GDAL writes
one for other CRSs): `crs=` naming another CRS beside such a file is a `GridError` naming the file, RFC 7946 and the
fixes (drop `crs=`; or say the CRS on the table read from it), at every door that reads places from a file (sample,
aggregate, classify) and without a map (`read_geometries`). Was: 'the GeoDataFrame's geometries say their CRS'
(no GeoDataFrame was given), and for metres in a file without a member a `PointError` about its label that left
the `crs=` given unsaid. The fix named reads the file."""
import json
import re

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
from shapely.geometry import Point

import alphaearth_nb as aef
from alphaearth_nb.core import GridError
from alphaearth_nb.geo import to_crs
from alphaearth_nb.testing import embedding_from_array, random_unit

BANDS = aef.band_names()


def _map():
    return embedding_from_array(random_unit((20, 20), seed=1),
                                coords={"y": 5_000_195.0 - 10 * np.arange(20), "x": 500_005.0 + 10 * np.arange(20)})


def _files(tmp_path, e):
    xs, ys = e.x.values[[3, 8]], e.y.values[[4, 9]]
    lon, lat = to_crs(xs, ys, "EPSG:32631", "EPSG:4326")
    deg = tmp_path / "deg.geojson"
    gpd.GeoDataFrame({"label": [0, 1]}, geometry=[Point(a, b) for a, b in zip(lon, lat)], crs="EPSG:4326").to_file(deg)
    utm = gpd.GeoDataFrame({"label": [0, 1]}, geometry=[Point(a, b) for a, b in zip(xs, ys)], crs="EPSG:32631")
    member = tmp_path / "member.geojson"
    utm.to_file(member)   # GDAL writes the `crs` member
    bare = tmp_path / "bare.json"
    d = json.loads(utm.to_json())
    d.pop("crs", None)
    bare.write_text(json.dumps(d))   # metres, no member: lon/lat by RFC 7946
    return deg, member, bare


DOORS = {"sample": lambda e, p, crs: aef.places.sample(e, str(p), crs=crs),
         "aggregate": lambda e, p, crs: aef.cubes.aggregate(e, str(p), buffer=5, crs=crs),
         "classify": lambda e, p, crs: aef.classify(e, str(p), k=1, crs=crs),
         "read_geometries": lambda e, p, crs: aef.places.read_geometries(str(p), crs)}


@pytest.mark.parametrize("door", DOORS)
def test_crs_beside_a_geojson_file_of_another_crs_is_named(tmp_path, door):
    e = _map()
    deg, member, bare = _files(tmp_path, e)
    for path, crs, says in ((deg, "EPSG:32631", "it names no other"), (bare, "EPSG:32631", "it names no other"),
                            (member, "EPSG:4326", "its `crs` member names EPSG:32631")):
        with pytest.raises(GridError) as err:
            DOORS[door](e, path, crs)
        msg = str(err.value)
        assert str(path) in msg and "RFC 7946" in msg and says in msg and "drop `crs=`" in msg, msg


def test_the_files_read_as_they_say_and_the_named_fix_reads_metres(tmp_path):
    e = _map()
    deg, member, bare = _files(tmp_path, e)
    want = e.values[[4, 9], [3, 8]]
    for path, crs in ((deg, None), (deg, "EPSG:4326"), (member, None), (member, "EPSG:32631")):
        np.testing.assert_allclose(aef.places.sample(e, str(path), crs=crs)[BANDS].to_numpy(), want, rtol=1e-6)
    with pytest.raises(GridError) as err:
        aef.places.sample(e, str(bare), crs="EPSG:32631")
    fix = re.search(r"`(gdf = gpd.read_file\(.*?\))`", str(err.value))[1]
    ns = {"gpd": gpd}
    exec(fix, ns)
    np.testing.assert_allclose(aef.places.sample(e, ns["gdf"])[BANDS].to_numpy(), want, rtol=1e-6)
