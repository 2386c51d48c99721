"""A GeoPackage layer whose CRS disagrees with crs=: the printed fix names the layer, so run as printed it rewrites that
layer's CRS and adds no layer. Was `gpd.read_file('t3.gpkg').set_crs(..).to_file('t3.gpkg')`: it read the first layer
and added a third, named after the file, leaving 'fields' in its old CRS (the same call failed again)."""
import re

import numpy as np
import pytest

from alphaearth_nb.core import GridError
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.zones import aggregate

gpd = pytest.importorskip("geopandas")
pyogrio = pytest.importorskip("pyogrio")
from shapely.geometry import box  # noqa: E402


def test_the_printed_fix_rewrites_the_layer_named(tmp_path):
    e = embedding_from_array(random_unit((20, 20), seed=1), coords={"y": 5000000.0 - 5 - 10 * np.arange(20),
                                                                    "x": 600005.0 + 10 * np.arange(20)})
    e = e.assign_attrs(crs="EPSG:32631")
    f = gpd.GeoDataFrame({"name": ["a", "b"]}, crs="EPSG:32631", geometry=[
        box(600000, 4999900, 600060, 4999960), box(600100, 4999820, 600180, 4999900)])
    path = tmp_path / "t3.gpkg"
    f.to_crs(3857).to_file(path, layer="roads"); f.set_crs(3857, allow_override=True).to_file(path, layer="fields")
    with pytest.raises(GridError) as got:
        aggregate(e, str(path), layer="fields", crs="EPSG:32631")
    fix = re.search(r"`(gpd\.read_file\(.*?\.to_file\(.*?\))`", str(got.value)).group(1)
    assert "layer='fields'" in fix, fix
    eval(fix, {"gpd": gpd})                                                    # run as printed
    assert sorted(pyogrio.list_layers(path)[:, 0]) == ["fields", "roads"]     # no third layer
    assert gpd.read_file(path, layer="fields").crs.to_epsg() == 32631
    assert list(aggregate(e, str(path), layer="fields", crs="EPSG:32631").n_pixels) == [36, 64]   # the call now runs
