"""A .nc or .zarr store whose one variable holds two embeddings side by side (128 bands: two years, labelled
`A00_2023..A63_2024` or numbered) is named for what it is, with the fix in Python and in the command's terms, as
`read_cog` and `aef evaluate` say it of such a GeoTIFF. Was: `as_embedding(xr.open_zarr(p))` "this Dataset is not
an embedding" (no word of the 128 bands), and `aef evaluate --embeddings two.zarr` a Python fix reading the store
with `rioxarray.open_rasterio(path)` (which reads no zarr store) and no line the command can use."""
import os
import re
import shlex
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.cli import main
from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit

B = aef.band_names()


def _store(tmp_path, kind, labelled):
    e = [embedding_from_array(random_unit((4, 5), seed=s), crs="EPSG:32631",
                              coords={"y": 5_000_035.0 - 10 * np.arange(4), "x": 500_005.0 + 10 * np.arange(5)})
         for s in (1, 2)]
    two = xr.concat(e, "band").assign_coords(band=[f"{b}_{y}" for y in (2023, 2024) for b in B] if labelled
                                             else np.arange(128))
    ds = two.rename("embedding").to_dataset()
    ds["embedding"].attrs = {"crs": "EPSG:32631"}
    p = tmp_path / f"two.{kind}"
    ds.to_zarr(p) if kind == "zarr" else ds.to_netcdf(p)
    return p, e


def _open(p): return xr.open_zarr(p) if p.suffix == ".zarr" else xr.open_dataset(p)


@pytest.mark.parametrize("kind", ["zarr", "nc"])
@pytest.mark.parametrize("labelled", [True, False])
def test_python_names_the_two_embeddings_and_the_read_that_works(tmp_path, kind, labelled):
    p, e = _store(tmp_path, kind, labelled)
    with pytest.raises(DimensionError) as err:
        aef.embeddings.as_embedding(_open(p))
    msg = str(err.value)
    assert "2 embeddings" in msg and "stacked as bands" in msg, msg
    assert ("A00_2024..A63_2024" in msg) == labelled, msg
    read = re.search(r"\(`da = (xr\.open_\w+\(path\)\['embedding'\])`\)", msg)
    assert read and "rioxarray" not in msg, msg
    second = re.search(r"`(aef\.from_official\(da\.isel\(band=slice\(64, 128\)\)\))`", msg)[1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        da = eval(read[1], {"xr": xr, "path": p})
        got = eval(second, {"aef": aef, "da": da})
    np.testing.assert_allclose(got.transpose("y", "x", "band").values, e[1].values, atol=1e-6)


@pytest.mark.parametrize("kind", ["zarr", "nc"])
def test_aef_evaluate_gives_a_line_writing_one_to_its_own_store(tmp_path, capsys, kind):
    p, e = _store(tmp_path, kind, True)
    (tmp_path / "pts.csv").write_text("x,y,label\n500005,5000035,1\n500015,5000025,2\n")
    assert main(["evaluate", "--embeddings", str(p), "--labels", str(tmp_path / "pts.csv")]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "holds 2 embeddings of 64 bands side by side" in err and "A00_2024..A63_2024" in err, err
    assert "rioxarray" not in err, err
    line = shlex.split(re.search(r"`python -c (.+?)`, then pass", err)[1])[0]
    out = Path(re.search(r"then pass (\S+) as --embeddings", err)[1])
    assert out.suffix == ".zarr"
    r = subprocess.run([sys.executable, "-c", line], capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    assert r.returncode == 0, r.stderr[-2000:]
    got = aef.embeddings.as_embedding(xr.open_zarr(out))   # stored as the official codes (`to_zarr` quantizes)
    want = np.asarray(aef.dequantize(aef.quantize.quantize(e[1].values.astype(np.float32))))
    np.testing.assert_allclose(got.transpose("y", "x", "band").values, want, atol=1e-6)
