"""read_cog of a GeoTIFF of k x 64 bands (two years side by side, as Earth Engine's `toBands()` or `ee.Image.cat`
names them, or undescribed) or of any band count but 64 is a DimensionError naming what it is and the code that reads
each year, the rule of from_official / read_official_tiff / as_embedding. Was (field case A4-h46d): one (y, x, 128)
'embedding' with a warning that its vectors were means of embeddings."""
import re

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

import alphaearth_nb as aef
from alphaearth_nb.core import DimensionError
from alphaearth_nb.exports import read_cog

rioxarray = pytest.importorskip("rioxarray")
B = aef.band_names()


def _tif(p, names, q):
    with rasterio.open(p, "w", driver="GTiff", width=5, height=6, count=len(names), dtype=q[0].dtype, crs="EPSG:32631",
                       transform=from_origin(500000, 5000060, 10, 10), nodata=-128) as d:
        for i, n in enumerate(names):
            d.write(q[i // 64][..., i % 64], i + 1)
            if n: d.set_band_description(i + 1, n)
    return p


def _codes(k, seed=0):
    rng = np.random.default_rng(seed)
    v = [rng.normal(size=(6, 5, 64)) for _ in range(k)]
    return [np.asarray(aef.quantize.quantize((a / np.linalg.norm(a, axis=-1, keepdims=True)).astype(np.float32)))
            for a in v]


@pytest.mark.parametrize("names, said", [([f"{y}_{b}" for y in (2023, 2024) for b in B], ("2023_A00..2023_A63", "2024_A00..2024_A63")),
                                         (B + [f"{b}_1" for b in B], ("(A00..A63)", "A00_1..A63_1")),
                                         ([None] * 128, ("2 x 64",))])
def test_two_years_refused_naming_each(tmp_path, names, said):
    q = _codes(2)
    p = _tif(tmp_path / "two.tif", names, q)
    with pytest.raises(DimensionError) as ex: read_cog(p)
    msg = str(ex.value)
    assert "128 bands" in msg and all(s in msg for s in said), msg
    code = re.findall(r"`(aef\.from_official\(da\.isel\(band=[^`]*\)\))`", msg)
    assert len(code) == 2, msg
    da = rioxarray.open_rasterio(p)
    for k, c in enumerate(code):   # the named code reads each year
        got = eval(c, {"aef": aef, "da": da}).transpose("y", "x", "band").values
        np.testing.assert_allclose(got, np.asarray(aef.dequantize(q[k])), atol=1e-6)


@pytest.mark.parametrize("count", [3, 65, 63])
def test_other_band_counts_refused(tmp_path, count):
    "An RGB picture, 64 bands and one more, one band short: no embedding (was: read as one of 3, 65 or 63 bands)."
    q = _codes(2)
    p = _tif(tmp_path / "n.tif", [None] * count, q)
    with pytest.raises(DimensionError, match=f"{count} bands, not the 64"): read_cog(p)
