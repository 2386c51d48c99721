"""`aef evaluate --embeddings` of a GeoTIFF of two years side by side (128 bands: Earth Engine's `toBands()`
descriptions 2023_A00.., `ee.Image.cat`'s A00.. A00_1.., or undescribed) says what it holds and gives a shell line
writing the last to its own GeoTIFF, which runs and holds that year's vectors. Was: Python alone ('read one at a time
from the bands as read (`da = rioxarray.open_rasterio(path)`), `aef.from_official(...)`'), which the command cannot
take."""
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

import alphaearth_nb as aef
from alphaearth_nb.cli import main
from alphaearth_nb.exports import read_cog

B = aef.band_names()


@pytest.mark.parametrize("names, said", [([f"{y}_{b}" for y in (2023, 2024) for b in B], ("2023_A00..2023_A63", "_2024.tif")),
                                         (B + [f"{b}_1" for b in B], ("A00_1..A63_1", "_2.tif")),
                                         ([None] * 128, ("bands 65..128", "_2.tif"))])
def test_two_years_as_bands_give_a_line_per_year(tmp_path, capsys, names, said):
    rng = np.random.default_rng(0)
    v = [rng.normal(size=(6, 5, 64)) for _ in range(2)]
    q = [np.asarray(aef.quantize.quantize((a / np.linalg.norm(a, axis=-1, keepdims=True)).astype(np.float32))) for a in v]
    p = tmp_path / "two.tif"
    with rasterio.open(p, "w", driver="GTiff", width=5, height=6, count=128, dtype="int8", crs="EPSG:32631",
                       transform=from_origin(500000, 5000060, 10, 10), nodata=-128) as d:
        for i, n in enumerate(names):
            d.write(q[i // 64][..., i % 64], i + 1)
            if n: d.set_band_description(i + 1, n)
    (tmp_path / "pts.csv").write_text("x,y,label\n500005,5000055,1\n500015,5000045,2\n")
    assert main(["evaluate", "--embeddings", str(p), "--labels", str(tmp_path / "pts.csv")]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "holds 2 embeddings of 64 bands side by side" in err and all(s in err for s in said), err
    assert "open_rasterio(path)`" not in err, err   # no Python left to the user
    line = shlex.split(re.search(r"`python -c (.+?)`, then pass", err)[1])[0]
    out = Path(re.search(r"then pass (\S+) as --embeddings", err)[1])
    r = subprocess.run([sys.executable, "-c", line], capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    assert r.returncode == 0, r.stderr[-2000:]
    np.testing.assert_allclose(read_cog(out).values, np.asarray(aef.dequantize(q[1])), atol=1e-6)
