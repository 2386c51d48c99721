"""One rule for a class name that says no data (`labels.NO_DATA_NAME`, `labels.says_no_data`), read by a label
raster's class names (`labels._unnamed_fills`) and a table's (`linear.fill_like_names`; `linear.FILL_NAMES` is the
same object): the whole name, but for numbers and punctuation around it. Was two rules that disagreed: the raster's a
no-data word anywhere as a word ('missing_data_centre' read as no data, 'nan' as a class), the table's the whole name
only ('No Data (0)' a class)."""
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import LabelWarning
from alphaearth_nb.labels import NO_DATA_NAME, labelled_cells, says_no_data
from alphaearth_nb.linear import FILL_NAMES, fill_like_names

TRUTH = np.zeros((8, 8), np.uint8)
TRUTH[:4, 4:], TRUTH[4:, :4], TRUTH[4:, 4:] = 1, 2, 3     # 16 pixels of each class


def raster(first):
    "A label raster declaring 0 as no data (nodata = 0) whose class names (CF flags) name 0 `first`."
    return xr.DataArray(TRUTH, dims=("y", "x"), coords={"y": np.arange(8.0), "x": np.arange(8.0)},
                        attrs={"flag_values": [0, 1, 2, 3], "flag_meanings": f"{first} crop forest urban", "nodata": 0})


def test_one_rule():
    assert FILL_NAMES is NO_DATA_NAME
    said = ["no_data", "NODATA", "No Data (0)", "0: unclassified", "fill_value", "nan", "N/A", " null "]
    classes = ["landfill", "missing data centre", "missing_data_centre", "invalidated_plots", "crop", "0"]
    assert [says_no_data(n) for n in said + classes] == [True] * len(said) + [False] * len(classes)


def test_a_table_names_no_data_by_it():
    got = fill_like_names(np.array(["crop", "No Data (0)", "fill_value", "missing data centre"], object))
    assert [g[0] for g in got] == ["No Data (0)", "fill_value"]


def test_a_raster_names_no_data_by_it():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert (labelled_cells(raster("nan")) == (TRUTH != 0)).all()   # 'nan' says no data: silent
    with pytest.warns(LabelWarning, match="name 0 'missing_data_centre': read as that class"):
        assert labelled_cells(raster("missing_data_centre")).all()
