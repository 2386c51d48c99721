"""`aef evaluate --labels lab.nc` (or .zarr, .tif) whose raster holds a no-data value the file does not declare gets
a command-line fix: `--labels-nodata V`, which the warning names (the negative-class LabelWarning's and the fill-like
id's), and which silences it and leaves those pixels out of the score. Was (review42): the fix for a .nc/.zarr was
words, 'a netCDF or zarr variable: its `_FillValue` attribute -2', no command (a GeoTIFF had rio's line alone)."""
import re
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit


def _said(evaluate_cli, *args):
    "`evaluate_cli(*args)` and its warnings as `aef` prints them (`cli._show_warning`: `shell_words`), one a line."
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        rc, out, err = evaluate_cli(*args)
    ours = [m for m in w if m.category.__module__.startswith("alphaearth_nb")]   # not affine's DeprecationWarning
    return rc, err, "\n".join(shell_words(str(m.message), "evaluate") for m in ours)


def _files(tmp_path, fill, suffix):
    e = embedding_from_array(random_unit((12, 10), seed=1))
    store = str(to_zarr(e, tmp_path / "e.zarr"))
    v = np.where(np.arange(10)[None, :] < 5, 1, 2).repeat(12, 0).astype(np.int16)
    v[:3, :4] = fill                                                     # 12 pixels of an undeclared no-data value
    lab = xr.DataArray(v, dims=("y", "x"), coords={"y": e.y.values, "x": e.x.values}, name="lulc",
                       attrs={"crs": e.attrs["crs"]})
    p = tmp_path / f"lab{suffix}"
    if suffix == ".tif": pytest.importorskip("rioxarray"); lab.rio.write_crs(e.attrs["crs"]).rio.to_raster(p)
    else: lab.to_dataset().to_zarr(p) if suffix == ".zarr" else lab.to_netcdf(p)
    return store, str(p)


@pytest.mark.parametrize("fill, suffix", [(-2, ".nc"), (-2, ".zarr"), (255, ".nc"), (255, ".tif")])
def test_the_warning_names_the_flag_and_the_flag_silences_it(tmp_path, evaluate_cli, fill, suffix):
    store, lab = _files(tmp_path, fill, suffix)
    rc, err, said = _said(evaluate_cli, "--embeddings", store, "--labels", lab)
    assert rc == 0 and said, err
    assert "_FillValue` attribute" not in said and "labels.attrs" not in said, said
    flag = re.search(r"`(--labels-nodata \S+)`", said)
    assert flag and flag[1] == f"--labels-nodata {fill}", said
    assert ("120 labelled pixels of 3 classes" if fill == 255 else "108 labelled pixels of 2 classes") in err, err
    rc, err, said = _said(evaluate_cli, "--embeddings", store, "--labels", lab, *flag[1].split())
    assert rc == 0 and not said, said
    assert "108 labelled pixels of 2 classes" in err, err                # the 12 pixels left out


def test_the_flag_beside_a_table_is_read_by_nothing(tmp_path, evaluate_cli, labelled_store):
    store, pts = labelled_store
    pts.to_file(p := tmp_path / "pts.geojson")
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(p), "--labels-nodata", "255")
    assert rc == 2 and "--labels-nodata 255" in err and "read by nothing" in err, err


def test_no_number_is_refused_in_the_flags_words(capsys):
    from alphaearth_nb.cli import main
    assert main(["evaluate", "--embeddings", ".", "--labels-nodata", "none"]) == 2
    err = capsys.readouterr().err
    assert "'none' is no number" in err and "e.g. --labels-nodata=255" in err, err
