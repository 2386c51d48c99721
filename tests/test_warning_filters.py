"""pyproject's pytest filters silence the third-party deprecations that tests/test_official.py raised (697 in one
run, every one inside odc-geo 0.5 or rioxarray 0.19: affine 3's `*` to be `@`, shapely 2.1's `ops.transform`), by
message, category and module: the same message from our code or a test still shows."""
import warnings

import pytest

MATMUL = "Use `@` matmul instead of `*` mul operator for matrix multiplication"
SHAPELY = ("The 'shapely.ops.transform()' function is deprecated. Use 'shapely.transform()' or "
           "'shapely.transform_coordseq()' instead.")


def _shown(module, message=MATMUL, category=PendingDeprecationWarning) -> int:
    "How many of one warning attributed to `module` get through the filters pytest set for this test."
    with warnings.catch_warnings(record=True) as got:
        warnings.warn_explicit(message, category, f"/site-packages/{module.replace('.', '/')}.py", 1, module=module)
    return len(got)


@pytest.mark.parametrize("module", ["odc.geo.geobox", "odc.geo.geom", "rioxarray.rioxarray"])
def test_third_party_deprecations_are_filtered(module):
    assert _shown(module) == 0
    assert _shown("odc.geo.geom", SHAPELY, DeprecationWarning) == 0


@pytest.mark.parametrize("module", ["alphaearth_nb.geo", "alphaearth_nb.official", "test_official", "odc.geo.xr"])
def test_the_same_message_elsewhere_still_shows(module):   # our code, a test, another odc-geo module
    assert _shown(module) == 1
    assert _shown(module, SHAPELY, DeprecationWarning) == 1
    assert _shown("odc.geo.geom", "another deprecation", DeprecationWarning) == 1


def test_odc_geo_in_use_is_quiet():
    gb = pytest.importorskip("odc.geo.geobox")
    with warnings.catch_warnings(record=True) as got:
        box = gb.GeoBox.from_bbox((600_000, 5_000_000, 601_000, 5_001_000), "EPSG:32631", resolution=10)
        box.extent.to_crs("EPSG:4326")
        box[10:20, 10:20].extent.to_crs("EPSG:32632")
        box.zoom_to(shape=(10, 10)).affine
    assert [str(w.message) for w in got] == []
