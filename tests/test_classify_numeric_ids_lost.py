"""`aef classify --k 3` of class ids that are numbers (1, 1, 2, 3) printed a legend of class 1 alone and no
'no pixel, out-voted' line for classes 2 and 3, which lost every pixel: both read the class names
(`labels.class_flags`), which ids of numbers have not. The legend and the line now take the ids trained
(`classify`'s `classes`). Fails on f54a6ee4."""
import numpy as np
import pandas as pd
import pytest

pytest.importorskip("rioxarray")
from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_numeric_classes_of_no_pixel_are_listed_and_said(tmp_path, capsys):
    d = random_unit((3,), seed=7)
    unit = lambda v: v / np.linalg.norm(v)
    v = np.stack([unit(d[0] + 0.3 * d[1]), unit(d[0] + 0.35 * d[1]), unit(d[1] + 0.8 * d[0]), unit(d[2] + 0.1 * d[0])])
    kinds = np.repeat(np.arange(4), 12)[np.random.default_rng(0).permutation(48)]
    grid = (v[kinds] + 0.01 * random_unit((6, 8), seed=3).reshape(48, 64))
    grid = (grid / np.linalg.norm(grid, axis=1, keepdims=True)).reshape(6, 8, 64)
    e = embedding_from_array(grid.astype("float32")).assign_attrs(crs="EPSG:32631")
    to_cog(e, tmp_path / "e.tif", overviews=False)
    at = [divmod(int(np.flatnonzero(kinds == i)[0]), 8) for i in range(4)]
    pd.DataFrame({"x": [float(e.x[c]) for _, c in at], "y": [float(e.y[r]) for r, _ in at],
                  "label": [1, 1, 2, 3]}).to_csv(tmp_path / "p.csv", index=False)
    with pytest.warns(UserWarning):   # fewer labelled pixels than k: said by classify
        assert main(["classify", "--embeddings", str(tmp_path / "e.tif"), "--labels", str(tmp_path / "p.csv"),
                     "--k", "3", "--out", str(tmp_path / "c.tif")]) == 0
    out = capsys.readouterr().out
    c = np.asarray(__import__("rioxarray").open_rasterio(tmp_path / "c.tif").values)
    lost = [i for i in (2, 3) if not (c == i).any()]
    assert lost, "the scene no longer loses a class at k=3"
    for i in lost:
        assert f"class {i}: 0 pixels" in out, out
    assert "no pixel, out-voted by the other classes' points" in out and f"'{lost[0]}'" in out, out
