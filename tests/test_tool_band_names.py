"""The 64 bands spelled as other tools write them are read as bands beside other columns as alone, by the one rule
(`band_labels.a_bands`): Earth Engine's b1..b64 (the names it gives an uploaded GeoTIFF's bands, so a table sampled
from such an asset), QGIS' SAMPLE_1..SAMPLE_64 ('Sample raster values', its default column prefix), and
band_1..band_64 (rioxarray's `band_as_variable` names, read for rasters already), in any order, by their numbers.
A part of them names no band (Sentinel-2's B2..B12 beside lon/lat stay 'no embedding band').
Was (s42 hunt): `aef evaluate --embeddings t.csv` of lon, lat, label and b1..b64 (or SAMPLE_1.., or band_1..) exited 2,
'--embeddings t.csv is a table of 60 rows whose columns (lon, lat, label, b1, b2, b3, b4, b5, ...) hold no embedding
band (A00 .. A63)', and `knn_search` read such a table as 67 generic features, lon/lat/label among them."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.bands import band_columns, by_band
from alphaearth_nb.cli import main
from alphaearth_nb.core import band_names
from alphaearth_nb.testing import random_unit

SPELLINGS = {"Earth Engine b1..b64": [f"b{i + 1}" for i in range(64)],
             "QGIS SAMPLE_1..SAMPLE_64": [f"SAMPLE_{i + 1}" for i in range(64)],
             "rioxarray band_1..band_64": [f"band_{i + 1}" for i in range(64)]}


def _table(names, n=60, seed=0):
    "lon, lat, label and 64 band columns named `names` (in band order) of unit vectors near 3 class centres."
    rng = np.random.default_rng(seed)
    lab = rng.integers(0, 3, n)
    v = random_unit((3,), seed=1)[lab] + 0.6 * random_unit((n,), seed=2)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    base = pd.DataFrame({"lon": rng.uniform(0, 1, n), "lat": rng.uniform(43, 44, n), "label": lab})
    return pd.concat([base, pd.DataFrame(v, columns=names)], axis=1)


@pytest.mark.parametrize("spelling", list(SPELLINGS))
def test_the_bands_are_read_beside_other_columns(spelling):
    names = SPELLINGS[spelling]
    perm = np.random.default_rng(3).permutation(64)
    cols = ["lon", "lat", "label", *(names[i] for i in perm)]   # shuffled: read by number, not place
    got = band_columns(cols)
    assert [cols[i] for i in got] == names
    t = _table(band_names())
    np.testing.assert_array_equal(by_band(_table(names)[cols]), by_band(t))


@pytest.mark.parametrize("spelling", list(SPELLINGS))
def test_aef_evaluate_scores_them_as_a00_a63(spelling, tmp_path, capsys):
    _table(band_names()).to_csv(tmp_path / "a.csv", index=False)
    _table(SPELLINGS[spelling]).to_csv(tmp_path / "t.csv", index=False)
    assert main(["evaluate", "--embeddings", str(tmp_path / "a.csv"), "--shots", "3", "--folds", "3"]) == 0
    want = capsys.readouterr().out
    assert main(["evaluate", "--embeddings", str(tmp_path / "t.csv"), "--shots", "3", "--folds", "3"]) == 0, \
        capsys.readouterr().err
    assert capsys.readouterr().out == want


def test_a_part_of_them_names_no_band(tmp_path, capsys):
    assert band_columns(["lon", "lat", *(f"B{i}" for i in range(2, 13))]) is None   # Sentinel-2's bands
    assert band_columns(["label", *SPELLINGS["Earth Engine b1..b64"][:63]]) is None   # 63 of 64
    assert band_columns(["label", *(f"b{i}" for i in range(65))]) is None   # b0..b64: 65, no one reading
    (tmp_path / "s2.csv").write_text("lon,lat,label,B2,B3,B4\n1,43,1,0.1,0.2,0.3\n1,43,2,0.1,0.2,0.3\n")
    assert main(["evaluate", "--embeddings", str(tmp_path / "s2.csv")]) == 2
    assert "hold no embedding band (A00 .. A63)" in capsys.readouterr().err
