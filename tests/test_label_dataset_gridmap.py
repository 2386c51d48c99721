"""A label file GDAL or another CF writer made holds a 0-d grid-mapping variable (`crs`, `transverse_mercator`)
beside the labels; `xr.open_dataset` gives both as data variables. label_array refused such a Dataset ("a Dataset
of 2 data variables") unless the grid mapping was called `spatial_ref`; right: the one variable that holds data,
its grid mapping kept (its CRS read), as embeddings reads a Dataset (0-d variables are grid mappings)."""
import numpy as np
import xarray as xr
from pyproj import CRS

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.geo import crs_of
from alphaearth_nb.labels import label_array
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_cf_label_file_with_its_grid_mapping_variable(tmp_path):
    c = random_unit((2,), seed=1)
    truth = np.tile([0, 0, 1, 1], (4, 1))
    pix = c[truth] + 0.05 * random_unit((4, 4), seed=3)
    e = embedding_from_array(pix / np.linalg.norm(pix, axis=-1, keepdims=True))
    lab = np.zeros((4, 4), np.int16); lab[0, 0], lab[3, 3] = 3, 7
    for gm in ("crs", "transverse_mercator"):
        ds = xr.Dataset({"Band1": (("y", "x"), lab, {"grid_mapping": gm, "nodata": 0}),
                         gm: ((), np.int32(0), {"crs_wkt": CRS.from_epsg(32631).to_wkt(),
                                                "grid_mapping_name": "transverse_mercator"})},
                        coords={"y": e.y.values, "x": e.x.values})
        ds.to_netcdf(tmp_path / f"{gm}.nc")
        with xr.open_dataset(tmp_path / f"{gm}.nc") as f:
            f = f.load()
        da = label_array(f)
        assert da.name == "Band1" and crs_of(da) == "EPSG:32631"
        np.testing.assert_array_equal(classify(e, f, k=1)["class"].values, np.where(truth == 0, 3, 7))
        np.testing.assert_allclose(regress(e, f, method="knn", k=1).values, np.where(truth == 0, 3, 7))
