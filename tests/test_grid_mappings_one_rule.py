"""A file's variable is taken with its 0-d grid mappings (rioxarray's `spatial_ref`) as coordinates by one rule,
labels.with_mappings: label_array (classify's labels) and aef evaluate's --labels-var / --embeddings-var read the same
CRS from a netCDF rioxarray wrote. Was: the same comprehension in labels.label_array and evaluate_cmd._with_mappings."""
import numpy as np
import rioxarray
import xarray as xr

from alphaearth_nb import embedding_files, evaluate_cmd, labels
from alphaearth_nb.labels import label_array, with_mappings
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_one_rule_reads_the_files_crs(tmp_path):
    assert rioxarray.__version__   # its .rio accessor writes and reads the grid mapping
    emb = embedding_from_array(random_unit((4, 5), seed=1))
    lulc = emb.isel(band=0, drop=True).copy(data=np.arange(20).reshape(4, 5) % 3).rename("lulc")
    lulc.rio.write_crs(emb.rio.crs).to_dataset().to_netcdf(tmp_path / "lulc.nc")
    ds = xr.open_dataset(tmp_path / "lulc.nc")
    assert "spatial_ref" in ds.data_vars                     # xarray reads the mapping back as a data variable
    for da in (with_mappings(ds, "lulc"), label_array(ds)):
        assert "spatial_ref" in da.coords and da.rio.crs == emb.rio.crs
    assert embedding_files.with_mappings is labels.with_mappings and not hasattr(evaluate_cmd, "_with_mappings")
