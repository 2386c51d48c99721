"""A label GeoTIFF of one class, read as rioxarray reads it ((band: 1, y, x)): the error's similarity fix runs and
gives the class's mean. Was: `emb.where(labels == 7)`, which kept no band of the map (the raster's band 1 against
A00..A63) and was refused 'a similarity query is one 64-vector ..., got 0 values'. Now `labels.squeeze('band',
drop=True)` is named for it; a raster of (y, x) keeps its words (tests/test_one_class_raster_fix)."""
import numpy as np
import rioxarray

from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_geotiff_of_one_class_is_told_a_fix_that_runs(tmp_path, one_class_fix_runs):
    v = random_unit((5, 6), seed=3)
    emb = embedding_from_array(v)
    raster = emb.isel(band=0, drop=True).copy(data=np.full((5, 6), -1, np.int16))
    raster[1, 2] = raster[3, 4] = 7                                # two pixels of one class, the rest unlabelled
    raster.rio.write_crs(emb.rio.crs).rio.to_raster(tmp_path / "labels.tif")
    labels = rioxarray.open_rasterio(tmp_path / "labels.tif")
    assert labels.dims == ("band", "y", "x")
    one_class_fix_runs(emb, labels, v,
                       "v = emb.where(labels.squeeze('band', drop=True) == 7).mean(['y', 'x']); emb.aef.similarity(v / np.linalg.norm(v))")
