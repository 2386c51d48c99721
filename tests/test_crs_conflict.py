"""Labels, points and zones that say their own CRS beside another `crs=` (newcomer pass, s27): one rule,
`places.agreed_crs`, a GridError (a LabelError before session 30) naming both CRSs and that `crs=` is the one to drop. Was: a GeoDataFrame's own CRS
won and `crs=` was ignored without a word (a label raster's: `crs=` won). One CRS spelt two ways is no conflict."""
import numpy as np
import pytest

from alphaearth_nb.analysis import classify, similarity, training_set
from alphaearth_nb.core import GridError
from alphaearth_nb.cubes import aggregate, sample
from alphaearth_nb.geo import grid_coords, to_crs
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
from pyproj import CRS  # noqa: E402
from shapely.geometry import box  # noqa: E402


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((6, 8), seed=3), coords=grid_coords(6, 8, x0=500_000., y0=5_000_000.))


def _points(emb, crs="EPSG:4326"):
    "Four labelled points at pixel centres of `emb`, in `crs`, two classes."
    rc = [(1, 1), (1, 6), (4, 2), (4, 6)]
    xs, ys = [float(emb.x[c]) for _, c in rc], [float(emb.y[r]) for r, _ in rc]
    lon, lat = to_crs(xs, ys, emb.attrs["crs"], crs)
    return gpd.GeoDataFrame({"label": [0, 1, 0, 1]}, geometry=gpd.points_from_xy(lon, lat), crs=crs)


def _said(e, *names):
    s = str(e.value)
    assert all(n in s for n in names) and "drop `crs=`" in s, s


def test_sample_and_classify_refuse_a_crs_beside_the_table_s_own(emb):
    pts = _points(emb)
    for call in (lambda: sample(emb, pts, crs="EPSG:32631"), lambda: classify(emb, pts, k=1, crs="EPSG:32631"),
                 lambda: training_set(emb, pts, crs="EPSG:3857")):
        with pytest.raises(GridError) as e: call()
        _said(e, "EPSG:4326")
    with pytest.raises(GridError) as e: sample(emb, pts, crs="EPSG:32631")
    _said(e, "EPSG:4326", "EPSG:32631")


@pytest.mark.parametrize("spelt", ["OGC:CRS84", "epsg:4326", "+proj=longlat +datum=WGS84 +no_defs"])
def test_one_crs_spelt_another_way_is_no_conflict(emb, spelt):
    pts = _points(emb)
    want = sample(emb, pts)
    got = sample(emb, pts, crs=spelt if not spelt.startswith("+") else CRS.from_proj4(spelt).to_wkt())
    assert got["inside"].all()
    np.testing.assert_array_equal(got.filter(like="A").to_numpy(), want.filter(like="A").to_numpy())
    assert classify(emb, pts, k=1, crs=spelt)["class"].shape == (6, 8)


def test_zones_a_vector_file_and_the_official_points_take_the_same_rule(emb, tmp_path):
    x0, y0 = float(emb.x[0]), float(emb.y[0])
    zones = gpd.GeoDataFrame({"zone": [1]}, geometry=[box(x0, y0 - 30, x0 + 30, y0)], crs="EPSG:32631")
    with pytest.raises(GridError) as e: aggregate(emb, zones, crs="EPSG:4326")
    _said(e, "EPSG:32631", "EPSG:4326")
    assert aggregate(emb, zones, crs="EPSG:32631").shape[0] == 1
    _points(emb).to_file(tmp_path / "p.gpkg")
    with pytest.raises(GridError) as e: sample(emb, str(tmp_path / "p.gpkg"), crs="EPSG:32631")
    _said(e, "EPSG:4326", "EPSG:32631")
    from alphaearth_nb import official
    with pytest.raises(GridError) as e:   # refused before any mirror is read
        official.sample_points(_points(emb), 2024, source=tmp_path / "no_mirror", crs="EPSG:32631")
    _said(e, "EPSG:4326", "EPSG:32631")


def test_a_label_raster_with_its_own_crs_and_another(emb):
    lab = emb.isel(band=0, drop=True).copy(data=np.tile([0, 1], (6, 4)).astype(np.int16))
    with pytest.raises(GridError) as e: training_set(emb, lab, crs="EPSG:32632")
    _said(e, "EPSG:32631", "EPSG:32632")
    assert len(training_set(emb, lab, crs="EPSG:32631")[1]) == 48


def test_similarity_s_query_keeps_its_grid_error_in_the_same_words(emb):
    q = _points(emb).geometry.iloc[:1]
    with pytest.raises(GridError) as e: similarity(emb, q, crs="EPSG:32631")
    _said(e, "EPSG:4326", "EPSG:32631")
    from alphaearth_nb.places import agreed_crs
    assert agreed_crs(None, "EPSG:32631") == "EPSG:32631" and agreed_crs("EPSG:4326", None) == "EPSG:4326"
