"""Newcomer s56 #14 (its Python half): `aggregate("two.gpkg")` of a GeoPackage of two layers is refused naming the
layers, but `aggregate("two.gpkg", layer="fields")` was "got an unknown name 'layer'", though every other reader of a
vector file takes `layer=` (`read_geometries`, `aef evaluate --labels-layer`). `aggregate` (and `.aef.aggregate`) now
take `layer=`: the rows equal those of the layer read by geopandas and passed."""
import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
from shapely.geometry import box

from alphaearth_nb.core import ConfigError, LabelError
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture
def two(tmp_path):
    e = embedding_from_array(random_unit((20, 20), seed=1),
                             coords={"y": 5000000.0 - 5 - 10 * np.arange(20), "x": 600005.0 + 10 * np.arange(20)})
    e = e.assign_attrs(crs="EPSG:32631")
    fields = gpd.GeoDataFrame({"name": ["a", "b"]}, geometry=[box(600000, 4999900, 600060, 4999960),
                                                             box(600100, 4999820, 600180, 4999900)], crs="EPSG:32631")
    roads = gpd.GeoDataFrame({"kind": ["lane"]}, geometry=[box(600000, 4999800, 600200, 4999810)], crs="EPSG:32631")
    p = tmp_path / "two.gpkg"
    fields.to_crs(3857).to_file(p, layer="fields")
    roads.to_file(p, layer="roads")
    return e, p


def test_aggregate_reads_the_named_layer(two):
    e, p = two
    with pytest.raises(LabelError, match="2 layers"):
        e.aef.aggregate(str(p))
    got = e.aef.aggregate(str(p), layer="fields")
    want = e.aef.aggregate(gpd.read_file(p, layer="fields"))
    assert list(got["name"]) == ["a", "b"] and list(got["n_pixels"]) == list(want["n_pixels"])
    np.testing.assert_array_equal(got.filter(like="A").to_numpy(), want.filter(like="A").to_numpy())
    assert len(e.aef.aggregate(p, layer="roads")) == 1


def test_layer_of_no_file_refused(two):
    e, p = two
    with pytest.raises(ConfigError, match="layer="):
        e.aef.aggregate(gpd.read_file(p, layer="fields"), layer="fields")
