"""Under `aef evaluate --labels lab.tif`, a label raster's no-data warnings name the file's own fix, a line of
rasterio's `rio` command that runs and silences them, not Python: was '(`labels.where(labels != -2, NEW_ID)`)' and
'(`labels.attrs['_FillValue'] = -2`, or nodata=-2 to points_at)' (labels._odd_negatives, 6989eb35), and
'`labels.attrs['nodata'] = 255`' (metrics.warn_fill_ids), none of which a shell user has."""
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.labels import labelled_cells
from alphaearth_nb.metrics import warn_fill_ids


def _message(fn, *a, **kw):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        fn(*a, **kw)
    return str(w[0].message)


def test_label_fixes_in_the_shells_words():
    neg = shell_words(_message(labelled_cells, xr.DataArray(np.array([[0, 1, -2], [1, 0, -2]]), dims=("y", "x"))),
                      "evaluate")
    assert "remap them to ids >= 0 in the label file; if one marks no data, declare it (`--labels-nodata -2`, or in " \
           "the file itself, for a GeoTIFF LABELS, `rio edit-info --nodata -2 LABELS`) to silence" in neg, neg
    fill = shell_words(_message(warn_fill_ids, np.r_[np.arange(1, 11), [255] * 5].repeat(3), np.uint8, form="raster"),
                       "evaluate")
    assert "declare it, `--labels-nodata 255`, or in the file itself, for a GeoTIFF LABELS, `rio edit-info --nodata " \
           "255 LABELS`" in fill, fill   # --labels-nodata: any raster's fix (tests/test_labels_nodata_flag runs it)
    for said in (neg, fill):
        assert "labels." not in said and "points_at" not in said and "nodata=" not in said, said


def test_the_rio_line_runs_and_silences(tmp_path):
    rioxarray = pytest.importorskip("rioxarray")
    rio = Path(sys.executable).with_name("rio")
    if not rio.exists(): rio = shutil.which("rio")
    if not rio: pytest.skip("no rio command (rasterio's)")
    lab = np.zeros((6, 5), np.int16)
    lab[:, 3:] = 1
    lab[0, :2] = -2
    da = xr.DataArray(lab, dims=("y", "x"), coords=dict(y=5e6 - 10 * np.arange(6), x=5e5 + 10 * np.arange(5)))
    da.rio.write_crs("EPSG:32631").rio.to_raster(tmp_path / "lab.tif")
    assert rioxarray  # read back below by the reader aef evaluate uses for a GeoTIFF
    with pytest.warns(LabelWarning, match="negative classes other than -1"):
        labelled_cells(rioxarray.open_rasterio(tmp_path / "lab.tif").squeeze(drop=True))
    subprocess.run([str(rio), "edit-info", "--nodata", "-2", str(tmp_path / "lab.tif")], check=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error", LabelWarning)
        keep = labelled_cells(rioxarray.open_rasterio(tmp_path / "lab.tif").squeeze(drop=True))
    assert int(keep.sum()) == 28
