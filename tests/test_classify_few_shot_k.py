"""`aef classify` with a handful of points (crop x2, forest, water): at the old default --k 3 a class of one point was
out-voted everywhere, even at its own labelled pixel (forest: 0 pixels, exit 0, a warning only). --k left out is now
3, or 1 where a class has fewer labelled pixels (here 1; tests/test_few_shot_k_one.py), said; an explicit --k is kept, and a class it leaves with
no pixel is named with --k 1. A label raster's pixels of no data are said as no data, not 'classified'. Fail on f65dc79a."""
import numpy as np
import pandas as pd
import pytest

pytest.importorskip("rioxarray")
from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


def _scene(tmp_path):
    d = random_unit((3,), seed=7)   # crop, forest, water directions
    unit = lambda v: v / np.linalg.norm(v)
    v = np.stack([unit(d[0] + 0.3 * d[1]), unit(d[0] + 0.35 * d[1]), unit(d[1] + 0.8 * d[0]), unit(d[2] + 0.1 * d[0])])
    kinds = np.repeat(np.arange(4), 12)[np.random.default_rng(0).permutation(48)]   # 12 pixels of each
    grid = v[kinds].reshape(6, 8, 64)
    grid = np.stack([unit(p) for p in (grid + 0.01 * random_unit((6, 8), seed=3)).reshape(48, 64)]).reshape(6, 8, 64)
    e = embedding_from_array(grid.astype("float32")).assign_attrs(crs="EPSG:32631", time="2024-01-01")
    to_cog(e, tmp_path / "e24.tif", overviews=False)
    at = [divmod(int(np.flatnonzero(kinds == i)[0]), 8) for i in range(4)]   # a pixel of each kind (row, col)
    pd.DataFrame({"x": [float(e.x[c]) for _, c in at], "y": [float(e.y[r]) for r, _ in at],
                  "label": ["crop", "crop", "forest", "water"]}).to_csv(tmp_path / "pts.csv", index=False)
    return e, at


def test_default_k_keeps_a_class_of_one_point(tmp_path, capsys):
    e, at = _scene(tmp_path)
    base = ["classify", "--embeddings", str(tmp_path / "e24.tif"), "--labels", str(tmp_path / "pts.csv")]
    assert main(base + ["--out", str(tmp_path / "k.tif")]) == 0
    out = capsys.readouterr().out
    assert "kNN with k=1, the nearest labelled pixel (--k left out: 3 where every class has 3" in out, out
    assert "'forest': 0 pixels" not in out and "'water': 0 pixels" not in out, out
    assert main(base + ["--k", "3", "--out", str(tmp_path / "k3.tif")]) == 0   # asked for: kept, the loss named
    out = capsys.readouterr().out
    assert "'forest': 0 pixels" in out and "'forest', 'water': no pixel, out-voted" in out and "--k 1 keeps" in out, out


def test_a_label_rasters_no_data_pixels_are_said_as_no_data(tmp_path, capsys):
    rng = np.random.default_rng(1)
    v = random_unit((6, 8), seed=2).astype("float32"); v[0] = np.nan   # the map's first row: no data
    e = embedding_from_array(v).assign_attrs(crs="EPSG:32631")
    to_cog(e, tmp_path / "e.tif", overviews=False)
    lab = e.isel(band=0, drop=True).copy(data=rng.integers(0, 2, (6, 8)).astype("float32")).assign_attrs(crs="EPSG:32631")
    lab.to_dataset(name="lulc").to_netcdf(tmp_path / "lab.nc")
    assert main(["classify", "--embeddings", str(tmp_path / "e.tif"), "--labels", str(tmp_path / "lab.nc"),
                 "--out", str(tmp_path / "c.tif")]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "classifies the other" not in out and "leaves the other 8, which hold no data, as no data" in out, out
