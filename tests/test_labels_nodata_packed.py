"""`aef evaluate --labels-nodata V` with a CF-packed label raster (stored int16 1, 2 and 55, scale_factor 1,
add_offset 100: read 101, 102 and 155): decided, V is a value as the file is read, unpacked, as xarray shows it, in
.nc and .tif alike. `--labels-nodata 155` leaves the 12 pixels of 155 out; the stored `--labels-nodata 55` is refused
naming the value to pass, 155. Was: 55 declared a value no pixel holds, in silence, the 12 no-data pixels scored as a
third class (120 labelled pixels of 3 classes, exit 0)."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(params=[".nc", ".tif"])
def packed(request, tmp_path):
    e = embedding_from_array(random_unit((12, 10), seed=1))
    store = str(to_zarr(e, tmp_path / "e.zarr"))
    stored = np.where(np.arange(10)[None, :] < 5, 1, 2).repeat(12, 0).astype(np.int16)
    stored[:3, :4] = 55                                                 # 12 pixels of an undeclared no-data value
    coords = {"y": e.y.values, "x": e.x.values}
    p = tmp_path / f"lab{request.param}"
    if request.param == ".tif":
        pytest.importorskip("rioxarray")
        raw = xr.DataArray(stored, dims=("y", "x"), coords=coords, name="lulc",
                           attrs={"scale_factor": 1.0, "add_offset": 100.0})
        raw.rio.write_crs(e.attrs["crs"]).rio.to_raster(p)
    else:
        lab = xr.DataArray(stored * 1.0 + 100.0, dims=("y", "x"), coords=coords, name="lulc",
                           attrs={"crs": e.attrs["crs"]})
        lab.encoding = {"dtype": "int16", "scale_factor": 1.0, "add_offset": 100.0}
        lab.to_netcdf(p)
    return store, str(p)


def test_the_value_as_read_leaves_its_pixels_out(packed, evaluate_cli):
    store, lab = packed
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", lab)
    assert rc == 0 and "120 labelled pixels of 3 classes" in err, err   # 155 read as a class without the flag
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", lab, "--labels-nodata", "155")
    assert rc == 0 and "108 labelled pixels of 2 classes" in err, err


def test_the_stored_value_is_refused_naming_the_value_to_pass(packed, evaluate_cli):
    store, lab = packed
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", lab, "--labels-nodata", "55")
    assert rc == 2 and "pass --labels-nodata 155" in err and "add_offset 100" in err, err


def test_the_help_says_which_value(capsys):
    from alphaearth_nb.cli import main
    main(["evaluate", "--help"])
    assert "CF-packed file's unpacked" in " ".join(capsys.readouterr().out.split())
