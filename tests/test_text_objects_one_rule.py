"""numpy's variable-width text (StringDType, kind 'T') is read as objects by one rule, times.text_objects: the
times' readers (d00c2edf) and labels.label_array (8ac1421e, a label raster of class names read back from zarr) call
it, and it takes a DataArray as it is given (its attrs kept). Was: label_array held its own copy of the rule (a
lambda, `da.astype(object) if da.dtype.kind == 'T' else da`), landed beside text_objects the same session."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import labels, times

StringDType = getattr(np.dtypes, "StringDType", None)


@pytest.mark.skipif(StringDType is None, reason="numpy without StringDType")
def test_label_array_reads_text_by_the_times_rule(monkeypatch):
    seen = []
    monkeypatch.setattr(labels, "text_objects", lambda a: seen.append(a.dtype.kind) or times.text_objects(a))
    da = xr.DataArray(np.array([["", "3"], ["forest", "3"]], dtype=StringDType()), dims=("y", "x"),
                      attrs={"crs": "EPSG:32631"})
    got = labels.label_array(da)
    assert seen == ["T"] and got.dtype == object and got.attrs == da.attrs
    assert got.values.tolist() == [["", "3"], ["forest", "3"]]
    ds = labels.label_array(da.to_dataset(name="label"))   # a Dataset of one variable: the same rule
    assert seen == ["T", "T"] and ds.dtype == object
