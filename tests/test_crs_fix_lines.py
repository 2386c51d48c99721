"""The shell line that gives an --embeddings map of no CRS its CRS (`evaluate_points.crs_fix_line`, said by `aef
classify/similarity/change` through `map_cmd._crs_said` and by `aef evaluate`) was written for two kinds by
`Path.is_dir()`: a store's paths put in Python quotes unescaped (a name with a space and a `'` broke the line), a
netCDF and a folder of GeoTIFFs given the wrong kind's line (`gdal_edit.py` on a .nc; the zarr line on a folder, which
then failed with a bare KeyError before any words), `~` not read, a GDAL tool that edits no COG (GDAL refuses to break
its layout) and may not be installed. Now each kind gets its own line, quoted for Python and the shell; each runs as
printed (the zone filled in) and the command then runs. `_crs_said` names only the maps that record no CRS, and leaves
another's 'has no CRS' (a GeoDataFrame's) as it is."""
import contextlib
import io
import re
import subprocess
import sys

import pandas as pd
import pytest

from alphaearth_nb import analysis
from alphaearth_nb.cli import main
from alphaearth_nb.core import GridError
from alphaearth_nb.evaluate_points import crs_fix_line
from alphaearth_nb.testing import embedding_from_array, random_unit

rasterio = pytest.importorskip("rasterio")


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((12, 12), seed=1))   # EPSG:32631, 10 m


def _tif(e, path, driver):
    from rasterio.transform import from_origin
    with rasterio.open(path, "w", driver=driver, width=e.sizes["x"], height=e.sizes["y"], count=64, dtype="float32",
                       transform=from_origin(float(e.x[0]) - 5, float(e.y[0]) + 5, 10, 10)) as f:   # no CRS
        f.write(e.transpose("band", "y", "x").values.astype("float32"))


def _bare(e):
    b = e.copy().drop_vars("spatial_ref", errors="ignore")
    b.attrs.pop("crs", None)
    return b.to_dataset(name="embedding")


def _classify(name):
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        rc = main(["classify", "--embeddings", name, "--labels", "lab.csv", "--crs", "EPSG:32631", "--out", "o.tif", "--overwrite"])
    return rc, " ".join(err.getvalue().split())


def _bands(e):   # the official product's layout as xee gives it, saved: A00..A63 one variable each
    from alphaearth_nb.core import band_names
    return _bare(e)["embedding"].assign_coords(band=band_names()).to_dataset(dim="band")


MAKE = {"my e's.zarr": lambda e, n: _bare(e).to_zarr(n), "e $x.nc": lambda e, n: _bare(e).to_netcdf(n),
        "bands.zarr": lambda e, n: _bands(e).to_zarr(n),
        "e b.tif": lambda e, n: _tif(e, n, "COG"), "tile s": lambda e, n: (n.mkdir(), _tif(e, n / "t.tiff", "GTiff"))}


@pytest.mark.parametrize("name", list(MAKE))
def test_each_kind_gets_a_line_that_runs_as_printed(emb, name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pd.DataFrame({"x": emb.x.values[[1, 4, 7, 10, 2, 5, 8, 11]], "y": emb.y.values[[1, 4, 7, 10, 3, 6, 9, 0]],
                  "label": ["a"] * 4 + ["b"] * 4}).to_csv("lab.csv", index=False)
    MAKE[name](emb, tmp_path / name)
    rc, err = _classify(name)
    assert rc == 2 and f"--embeddings {name} records no CRS" in err, err
    m = re.search(r"`(python -c '.*?')`(, then --embeddings (.*))?$", err)
    assert m and "gdal_edit" not in err, err
    subprocess.run(["bash", "-c", sys.executable + m.group(1).replace("EPSG:326NN", "EPSG:32631")[len("python"):]], check=True)
    again = subprocess.run(["bash", "-c", f"printf %s {m.group(3)}"], capture_output=True, text=True).stdout if m.group(3) else name
    assert (again != name) == name.endswith((".zarr", ".nc"))   # a store written again beside it; a GeoTIFF set in place
    assert _classify(again) == (0, ""), again


def test_a_home_path_is_read_as_the_shell_reads_it(emb, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    _bare(emb).to_zarr(tmp_path / "e.zarr")
    said = crs_fix_line("~/e.zarr")
    assert f'xr.open_zarr("{tmp_path}/e.zarr", mask_and_scale=False)' in said and f"then --embeddings {tmp_path}/e_crs.zarr" in said, said


def test_another_no_crs_is_left_as_it_was_said(emb, tmp_path, monkeypatch):
    "A GridError of 'has no CRS' that is not the map's (every --embeddings records one) is not renamed the map's."
    monkeypatch.chdir(tmp_path)
    emb.to_dataset(name="embedding").to_zarr("e.zarr")
    pd.DataFrame({"x": [1.0], "y": [2.0], "label": ["a"]}).to_csv("lab.csv", index=False)
    def gdf_said(*a, **k): raise GridError("the GeoDataFrame has no CRS: set the one its coordinates are in")
    monkeypatch.setattr(analysis, "classify", gdf_said)
    rc, err = _classify("e.zarr")
    assert rc == 2 and "the GeoDataFrame has no CRS" in err and "records no CRS" not in err, err
