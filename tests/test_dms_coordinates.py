"""Coordinates written in degrees, minutes and seconds (`45°9'14.3"N`, as GPS receivers, field forms and spreadsheets
write them) are read as decimal degrees wherever a table gives places: classify's label CSV, sample's table. Was:
LabelError "column 'lon' holds text ... (to read every such cell as no data: `pd.to_numeric(..., errors='coerce')`)",
a fix that made every place NaN."""
import numpy as np, pandas as pd, pyproj, pytest, xarray as xr
import alphaearth_nb as aef
from alphaearth_nb.core import LabelError
from alphaearth_nb.tables import dms_degrees, table_numbers

def _emb():
    v = np.random.default_rng(9).normal(size=(6, 5, 64)).astype(np.float32)
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    return xr.DataArray(v, dims=("y", "x", "band"), coords={"y": np.arange(6)[::-1] * 10.0 + 5_000_005,
                        "x": np.arange(5) * 10.0 + 500_005, "band": aef.band_names()}, attrs={"crs": "EPSG:32631"})

def _dms(v, pos, neg):
    h, v = (pos if v >= 0 else neg), abs(v)
    d = int(v); m = int((v - d) * 60); s = (v - d - m / 60) * 3600
    return f"{d}°{m}'{s:.5f}\"{h}"

@pytest.mark.parametrize("text, right", [("45°9'14.3\"N", 45 + 9 / 60 + 14.3 / 3600), ("N 45° 9' 14.3\"", 45 + 9 / 60 + 14.3 / 3600),
    ("45°9.5'S", -(45 + 9.5 / 60)), ("3º0′36″W", -3.01), ("-3°0'36\"", -3.01), ("48.85N", 48.85), ("12.5°E", 12.5),
    ("45°9'14.3''N", 45 + 9 / 60 + 14.3 / 3600)])
def test_dms_cells_read_as_degrees(text, right):
    col = "lon" if text[-1] in "EW" else "lat"   # a latitude column of E/W angles is refused as swapped (review46)
    got = table_numbers(pd.DataFrame({col: [text, "1.5", None]}), col)
    assert got[0] == pytest.approx(right, abs=1e-9) and got[1] == 1.5 and np.isnan(got[2])

def test_not_angles_refused():
    for bad, words in [("45 9", "where a number belongs"), ("61°70'N", "minutes and seconds run 0..59"),
                       ("-3°S", "sign twice"), ("abc", "where a number belongs")]:   # -3°W: a longitude (review46)
        with pytest.raises(LabelError, match=words): table_numbers(pd.DataFrame({"lat": [bad]}), "lat")
    with pytest.raises(LabelError, match="both latitude"): dms_degrees(["45°N", "3°E"], "c")

def test_classify_and_sample_read_dms_places(tmp_path):
    e = _emb()
    pix, lab = [(0, 0), (2, 3), (5, 4), (3, 1)], ["forest", "crop", "water", "crop"]
    lon, lat = pyproj.Transformer.from_crs(32631, 4326, always_xy=True).transform(
        [float(e.x[c]) for r, c in pix], [float(e.y[r]) for r, c in pix])
    p = tmp_path / "dms.csv"
    pd.DataFrame({"lat": [_dms(a, "N", "S") for a in lat], "lon": [_dms(a, "E", "W") for a in lon], "label": lab}).to_csv(p, index=False)
    c = e.aef.classify(p, k=1)["class"]
    assert [c.attrs["class_names"][int(c.values[r, cc])] for r, cc in pix] == lab
    s = e.aef.sample(pd.read_csv(p))
    np.testing.assert_allclose(s[aef.band_names()].to_numpy(float), np.stack([e.values[r, cc] for r, cc in pix]), atol=1e-6)
