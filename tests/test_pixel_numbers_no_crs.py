"""A map of no georeferencing at all (a GeoTIFF with neither CRS nor transform: rioxarray reads its x/y as pixel
numbers 0.5, 1.5, ...) was told 'EPSG:4326: its x/y lie within degrees', and the printed line stamped EPSG:4326 onto
the file in place: 1-degree pixels at lon/lat 0..W, 0..H. Degrees are now said only where the pixel step is under
0.1 (`evaluate_points.likely_crs`); pixel numbers are said as such, with no line to run (`aef similarity`, `aef
evaluate`, `pixel_metres`)."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.cli import main
from alphaearth_nb.core import LabelError
from alphaearth_nb.evaluate_points import crs_said, likely_crs, pixel_metres, pixel_numbers
from alphaearth_nb.testing import embedding_from_array, random_unit

rasterio = pytest.importorskip("rasterio")
pytest.importorskip("rioxarray")


def _nogeo(path, w=30, h=20):
    a = np.random.default_rng(0).normal(size=(64, h, w)).astype("float32")
    a /= np.linalg.norm(a, axis=0, keepdims=True)
    with rasterio.open(path, "w", driver="GTiff", width=w, height=h, count=64, dtype="float32") as d:
        d.write(a); d.descriptions = tuple(f"A{i:02d}" for i in range(64))


def _map(ys, xs): return embedding_from_array(random_unit((len(ys), len(xs)), seed=0), coords={"y": ys, "x": xs})


def test_likely_crs_needs_a_fine_step():
    pix = _map(0.5 + np.arange(20), 0.5 + np.arange(30))
    assert pixel_numbers(pix) and likely_crs(pix) is None
    assert pixel_numbers(_map(np.arange(4.0), np.arange(5.0))) and likely_crs(_map(np.arange(4.0), np.arange(5.0))) is None
    assert likely_crs(_map(45 - 0.5 * np.arange(4), 6 + 0.5 * np.arange(4))) is None   # half-degree pixels: not said
    fine = _map(45 - 1e-4 * np.arange(4), 6 + 1e-4 * np.arange(4))
    assert likely_crs(fine) == "EPSG:4326" and not pixel_numbers(fine)
    assert "pixel numbers" in crs_said(pix, "e.tif") and "python -c" not in crs_said(pix, "e.tif")
    assert '"EPSG:4326"' in crs_said(fine, "e.zarr")


def test_similarity_of_a_tif_of_no_georeferencing(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _nogeo(tmp_path / "nogeo.tif")
    before = (tmp_path / "nogeo.tif").read_bytes()
    assert main(["similarity", "--embeddings", "nogeo.tif", "--point", "10,5", "--out", "sim.tif"]) == 2
    err = capsys.readouterr().err
    assert "nogeo.tif records no CRS" in err and "pixel numbers" in err, err
    assert "EPSG:4326" not in err and "python -c" not in err, err   # nothing stamped on the file
    assert (tmp_path / "nogeo.tif").read_bytes() == before and not (tmp_path / "sim.tif").exists()


def test_pixel_metres_of_pixel_numbers():
    pix = _map(0.5 + np.arange(4), 0.5 + np.arange(4))
    pix.attrs.pop("crs", None)
    with pytest.raises(LabelError, match="pixel numbers") as e: pixel_metres(pix, [[0, 0]], path="e.tif")
    assert "EPSG:4326" not in str(e.value) and "--spacing 0" in str(e.value)


def test_evaluate_of_a_tif_of_no_georeferencing(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _nogeo(tmp_path / "nogeo.tif", 20, 20)
    lab = xr.DataArray(np.repeat(np.arange(4), 100).reshape(20, 20).astype("int16"), dims=("y", "x"),
                       coords={"y": 0.5 + np.arange(20), "x": 0.5 + np.arange(20)}, name="label")
    lab.rio.write_crs("EPSG:32631").to_netcdf("lab.nc")
    assert main(["evaluate", "--embeddings", "nogeo.tif", "--labels", "lab.nc", "--spacing", "10"]) == 2
    err = capsys.readouterr().err
    assert "pixel numbers" in err and "EPSG:4326" not in err and "python -c" not in err, err
