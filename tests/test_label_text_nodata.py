"Kind C: a text label raster's declared no-data written as text ('none', b'nodata') marks unlabelled cells."
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify
from alphaearth_nb.features import points_at
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.mark.parametrize("where,key,fill", [("attrs", "nodata", "none"), ("attrs", "_FillValue", "n/a"),
                                            ("encoding", "_FillValue", "none"), ("attrs", "nodata", b"none")])
def test_a_declared_text_fill_is_no_class(where, key, fill):
    """A class-name raster (crop / forest / water) whose unlabelled cells hold the text its attrs declare as no-data
    (`attrs['nodata'] = 'none'`, a netCDF string variable's `_FillValue`): `declared_nodata` reads numbers only, so
    the text fill was dropped and 'none' was trained and predicted as a fourth class (`labelled_cells` documents
    declared no-data "as text on a text raster"). Right: those cells unlabelled, classes crop, forest, water only."""
    rng = np.random.default_rng(0)
    cent = random_unit((3,), seed=5)
    cls = np.repeat(np.arange(3), 12).reshape(6, 6)
    v = cent[cls] + 0.05 * rng.normal(size=(6, 6, 64))
    e = embedding_from_array((v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32))
    text = np.array(["crop", "forest", "water"], object)[cls]
    f = fill.decode() if isinstance(fill, bytes) else fill
    text[0, :4] = f; text[5, 5] = f
    lab = xr.DataArray(text.astype(str), dims=("y", "x"), coords={"y": e.y, "x": e.x}, attrs={"crs": "EPSG:32631"})
    getattr(lab, where)[key] = fill
    X, y = points_at(e, lab)
    assert len(y) == 31 and set(y.tolist()) == {"crop", "forest", "water"}
    c = classify(e, lab, k=1)["class"]
    assert c.attrs["class_names"] == ["crop", "forest", "water"]
    assert (c.values == cls).all()
