"""A label raster of class names or number text read back from zarr comes as numpy's variable-width strings
(StringDType, kind 'T'): read as the same text in an object array is, so '' is unlabelled and '3' the id 3.
Was: '' trained and predicted as a class (the class map's class 0 at every blank cell) and '0' .. '8' named
classes ('' first), the class map their int32 indices instead of the ids."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify
from alphaearth_nb.supervised import training_set
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("zarr")
NAMES = np.array(["forest", "water", "crop"], dtype=object)


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((6, 7), seed=2))


def _raster(emb, cells, tmp_path):   # `cells` (6, 7) objects, through zarr and back (its text: StringDType)
    da = xr.DataArray(cells, dims=("y", "x"), coords={"y": emb.y, "x": emb.x}, name="lab",
                      attrs={"crs": emb.attrs["crs"]})
    da.to_dataset().to_zarr(tmp_path / "lab.zarr", zarr_format=2)
    back = xr.open_zarr(tmp_path / "lab.zarr")["lab"]
    return da, back


def _cells(text):
    ids = np.arange(42).reshape(6, 7) % 3
    cells = (NAMES[ids] if text else ids.astype(str).astype(object)).copy()
    cells[0, :3] = ""   # unlabelled
    return cells, ids


@pytest.mark.parametrize("text", [True, False])
def test_a_zarr_label_raster_of_text_classifies_as_its_object_array(emb, tmp_path, text):
    cells, ids = _cells(text)
    da, back = _raster(emb, cells, tmp_path)
    assert back.dtype.kind == "T"   # what zarr gives (the reason for the rule)
    got, want = classify(emb, back, k=1)["class"], classify(emb, da, k=1)["class"]
    np.testing.assert_array_equal(got.values, want.values)
    assert got.attrs.get("class_names") == want.attrs.get("class_names")
    if text: assert got.attrs["class_names"] == ["crop", "forest", "water"]   # was ['', 'crop', ...]
    else: np.testing.assert_array_equal(got.values[1:], ids[1:])   # the ids, k=1 (was the names' indices)


def test_training_set_leaves_blank_cells_out(emb, tmp_path):
    cells, _ = _cells(True)
    x, y = training_set(emb, _raster(emb, cells, tmp_path)[1])
    assert len(y) == 39 and "" not in set(y.tolist())   # 42 cells, 3 blank (was 42 with '')
