"""A bbox given latitude first ((52.3, 4.8, 52.4, 4.9) for Amsterdam) is named as swapped, with the bbox to pass,
wherever a bbox is taken (newcomer pass, s27): mirrors.area_of (a reading that is no box: latitude past 90) and
tiles (a box no tile covers, whose swap tiles do), so fetch_tiles and official.open. Was: NoTilesError 'check the
bbox' or ConfigError 'is not (west, south, east, north)', without a hint."""
import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")

from alphaearth_nb import official as off  # noqa: E402
from alphaearth_nb.core import ConfigError, NoDataWarning, NoTilesError, PointError  # noqa: E402

RIGHT = (5.995, 44.999, 6.004, 45.003)              # lon/lat: the sample mirror's tiles cover it
LAT_FIRST = (44.999, 5.995, 45.003, 6.004)          # the same, latitude first: a box in the sea off Somalia


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=2024, samples=shared_data / "aef_samples")


def test_a_latitude_first_bbox_no_tile_covers_is_named_swapped(mirror, tmp_path):
    assert len(off.tiles(RIGHT, 2024, source=mirror.root))
    for call in (lambda: off.tiles(LAT_FIRST, 2024, source=mirror.root),
                 lambda: off.open(LAT_FIRST, 2024, source=mirror.root),
                 lambda: off.fetch_tiles(LAT_FIRST, 2024, tmp_path / "copy", source=mirror.root)):
        with pytest.raises(NoTilesError) as e: call()
        assert ("looks swapped (latitude first): read as (min_lon, min_lat, max_lon, max_lat) = (5.995, 44.999, "
                "6.004, 45.003); official tiles cover it") in str(e.value), e.value
    assert not (tmp_path / "copy").exists()


def test_a_bbox_that_is_nowhere_either_way_gets_no_swap_hint(mirror):
    with pytest.raises(NoTilesError) as e: off.tiles((20, 10, 20.1, 10.1), 2024, source=mirror.root)
    assert "swapped" not in str(e.value) and "check the bbox" in str(e.value)


@pytest.mark.parametrize("bbox, want", [((52.3, 100.1, 52.4, 100.2), (100.1, 52.3, 100.2, 52.4)),
                                        ((-33.95, 151.1, -33.8, 151.3), (151.1, -33.95, 151.3, -33.8))])
def test_a_latitude_first_bbox_that_is_no_box_is_named_swapped(bbox, want):
    # latitude past 90 as given: no box at all, but a plain one read latitude first (Sydney, a place at 100 E)
    with pytest.raises(ConfigError) as e: off.area_of(bbox)
    assert f"it looks swapped (latitude first): pass (min_lon, min_lat, max_lon, max_lat) = {want}" in str(e.value)
    assert off.area_of(want).bounds == want


def test_official_points_given_latitude_first_are_named_swapped(mirror):
    # was: 'check the points' lon/lat order (x = longitude) and CRS (`crs=`), the years, and the mirror', every cause
    lon, lat = [5.996, 6.003], [45.0, 45.002]
    assert off.sample_points({"lon": lon, "lat": lat}, 2024, source=mirror.root)["inside"].all()
    with pytest.raises(PointError) as e:   # every point off so: refused (was NoDataWarning + NaN rows), as `open`
        off.sample_points({"lon": lat, "lat": lon}, 2024, source=mirror.root)
    said = str(e.value)
    assert "read as (lat, lon) they lie where official tiles are: longitude and latitude look swapped" in said, said
    with pytest.warns(NoDataWarning) as w:   # nowhere either way: the list of checks, no swap named
        off.sample_points({"lon": [20.0], "lat": [10.0]}, 2024, source=mirror.root)
    assert "swapped" not in str(w[0].message) and "lon/lat order" in str(w[0].message)


def test_points_of_a_map_given_latitude_first_warn_the_no_data_kind():
    # places.sample's swap warning was a bare UserWarning; official.sample_points' kind for 'no point on it' is
    # NoDataWarning, which `warnings.simplefilter('error', NoDataWarning)` and pytest's filters can name
    import warnings
    from alphaearth_nb.cubes import sample
    from alphaearth_nb.geo import grid_coords, to_crs
    from alphaearth_nb.testing import embedding_from_array, random_unit
    emb = embedding_from_array(random_unit((4, 5), seed=1), coords=grid_coords(4, 5, x0=500_000., y0=5_000_000.))
    lon, lat = to_crs([float(emb.x[1])], [float(emb.y[2])], emb.attrs["crs"], "EPSG:4326")
    with warnings.catch_warnings():
        warnings.simplefilter("error", NoDataWarning)
        with pytest.raises(NoDataWarning, match="longitude and latitude look swapped"):
            sample(emb, {"lon": lat, "lat": lon}, crs="EPSG:4326")
