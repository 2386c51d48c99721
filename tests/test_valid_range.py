"""CF `valid_range` / `valid_min` / `valid_max` (CF 1.11 S2.5.1: values outside the valid range are missing) mark
no data like `_FillValue` / `nodata` for every reader of label and value rasters: `labels.labelled_cells` (so
`points_at`, `classify`, `regress`), `geo.unpacked` (the range in stored units, as CF S8.1 has it for packed data,
also where xarray decoded the values and left the range in attrs), maps and exports."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.evaluate import points_at
from alphaearth_nb.geo import declared_valid_range, unpacked
from alphaearth_nb.labels import labelled_cells
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def e_lab():
    e = embedding_from_array(random_unit((4, 5), seed=1))
    v = np.array([[1, 2, 3, 1, 2]] * 4, np.float32)
    v[0, 0], v[1, 1] = 250.0, -5.0          # out of the declared range [0, 10]
    lab = xr.DataArray(v, dims=("y", "x"), coords={"y": e.y, "x": e.x}, attrs={"crs": e.attrs["crs"]})
    return e, lab


@pytest.mark.parametrize("attrs", [{"valid_range": np.array([0, 10], np.int16)}, {"valid_min": 0, "valid_max": 10},
                                   {"valid_max": 10.0}])
def test_outside_the_valid_range_is_unlabelled(e_lab, attrs):
    e, lab = e_lab
    lab = lab.assign_attrs(attrs)
    keep = labelled_cells(lab, positive=False)
    low = "valid_min" in attrs or "valid_range" in attrs   # -5 is below the range only where a low end is declared
    assert not keep[0, 0] and keep[1, 1] == (not low) and keep.sum() == (18 if low else 19)
    X, y = points_at(e, lab)                  # positive: -5 is out anyway
    assert len(y) == 18 and 250 not in y.tolist()
    assert set(np.unique(classify(e, lab, k=1)["class"].values).tolist()) <= {1, 2, 3}
    p = regress(e, lab, method="knn", k=1).values   # values: -5 is a value unless the range says otherwise
    assert p.max() <= 3 and (p.min() == -5.0) == ("valid_min" not in attrs and "valid_range" not in attrs)


def test_text_raster_and_the_range(e_lab):
    _, lab = e_lab
    text = lab.astype(int).astype(str).assign_attrs(valid_max=10)
    keep = labelled_cells(text)
    assert not keep[0, 0] and not keep[1, 1] and keep.sum() == 18


def test_packed_range_is_in_stored_units():
    "int16 * 0.01 with valid_range [0, 10000] stored: 20000 is out; unpacked values 0..100 are not judged again."
    st = xr.DataArray(np.array([[0, 50, 20000, -32768]], np.int16), dims=("y", "x"),
                      attrs={"scale_factor": 0.01, "add_offset": 0.0, "_FillValue": -32768,
                             "valid_range": np.array([0, 10000], np.int16)})
    u = unpacked(st)
    np.testing.assert_array_equal(np.isnan(u.values), [[False, False, True, True]])
    assert not {"valid_range", "valid_min", "valid_max"} & set(u.attrs)   # stored units: no longer the values'
    assert declared_valid_range(st) == (0.0, 10000.0) and declared_valid_range(u) == (-np.inf, np.inf)
    # xarray's decoding: values unpacked, packing in encoding, the range left in attrs in stored units
    dec = xr.DataArray(np.array([[0.0, 0.5, 200.0]]), dims=("y", "x"),
                       attrs={"valid_range": np.array([0, 10000], np.int16)})
    dec.encoding.update(scale_factor=0.01, add_offset=0.0, dtype=np.dtype("int16"))
    assert declared_valid_range(dec) == (0.0, 100.0)
    np.testing.assert_array_equal(labelled_cells(dec), [[True, True, False]])


def test_nothing_declared_and_unreadable():
    da = xr.DataArray(np.zeros((2, 2)), dims=("y", "x"))
    assert declared_valid_range(da) == (-np.inf, np.inf)
    assert declared_valid_range(da.assign_attrs(valid_range="0 10")) == (-np.inf, np.inf)   # text: not a range


def test_composites_skip_declared_no_data():
    "A band's fills and values outside its valid range are no data in its percentiles (they were taken as values)."
    import pandas as pd
    from alphaearth_nb.features import composite_features
    v = np.tile(np.arange(1, 7, dtype=np.int16)[:, None, None], (1, 2, 3))   # 1..6 over time at every pixel
    v[0, 0, 0], v[1, 0, 1] = -9999, 30000
    t = pd.date_range("2024-01-01", periods=6, freq="30D").values
    ds = xr.Dataset({"B": (("time", "y", "x"), v, {"_FillValue": -9999, "valid_range": [0, 10000]})},
                    coords={"time": t, "y": [15., 5.], "x": [5., 15., 25.]})
    c = composite_features(xr.DataTree.from_dict({"s": ds}), percentiles=(0, 100), standardize=False)
    np.testing.assert_array_equal(c.values[..., 0], [[2, 1, 1], [1, 1, 1]])   # -9999 left out at (0, 0)
    np.testing.assert_array_equal(c.values[..., 1], [[6, 6, 6], [6, 6, 6]])   # 30000 left out at (0, 1)


def test_map_exports_write_out_of_range_as_no_data(tmp_path):
    pytest.importorskip("rasterio")
    import rasterio
    from alphaearth_nb.exports import map_to_cog
    m = xr.DataArray(np.array([[1.5, 2.5], [250.0, 0.5]], np.float32), dims=("y", "x"),
                     coords={"y": [15., 5.], "x": [5., 15.]}, attrs={"crs": "EPSG:32631", "valid_max": 100.0})
    with rasterio.open(map_to_cog(m, tmp_path / "m.tif")) as src:
        a = src.read(1, masked=True)
    assert a.mask.tolist() == [[False, False], [True, False]]


def test_pictures_leave_out_of_range_pixels_transparent():
    from alphaearth_nb.maps import to_rgba
    m = xr.DataArray(np.array([[1.5, 2.5], [250.0, 0.5]], np.float32), dims=("y", "x"),
                     coords={"y": [15., 5.], "x": [5., 15.]}, attrs={"crs": "EPSG:32631", "valid_range": [0, 100]})
    assert to_rgba(m).values[3].tolist() == [[255, 255], [0, 255]]             # alpha: 250 is no data
    c = xr.DataArray(np.array([[1, 2], [99, 1]], np.int16), dims=("y", "x"), coords=m.coords,
                     attrs={"crs": "EPSG:32631", "valid_max": 10})
    assert to_rgba(c.chunk()).values[3].tolist() == [[255, 255], [0, 255]]     # a class map, lazy alike


def test_unpacked_is_lazy_for_dask_input():
    "Lazy in, lazy out: the fill and range masks of a dask-backed packed map are built lazily (it read every block)."
    import dask.array as dsa
    v = np.array([[0, 50, 20000, -32768]] * 4, np.int16)
    st = xr.DataArray(v, dims=("y", "x"), attrs={"scale_factor": 0.01, "_FillValue": -32768, "valid_range": [0, 10000]})
    read = []
    lazy = st.copy(data=dsa.from_array(v, chunks=2).map_blocks(lambda b: read.append(1) or b, dtype=v.dtype))
    read.clear()
    out = unpacked(lazy)
    assert out.chunks is not None and not read, f"{len(read)} blocks read before compute"
    np.testing.assert_array_equal(np.isnan(out.values), np.isnan(unpacked(st).values))
    assert np.isnan(out.values[:, 2:]).all() and not np.isnan(out.values[:, :2]).any()
