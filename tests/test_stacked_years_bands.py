"""A GeoTIFF of 128 bands that are two years' embeddings side by side (Earth Engine's `toBands()`: descriptions
2023_A00..2024_A63; `ee.Image.cat`: A00..A63, A00_1..A63_1; a year after the band: A00_2024; or no descriptions)
read by from_official / read_official_tiff / as_embedding is a DimensionError that says so and names, for each year,
the selection that reads it; running the named code gives that year's vectors. Was: '... read the file with
`rioxarray.open_rasterio(path)` or `read_official_tiff(path)`', the reader that had read it (2023_A00, A00_2024, no
descriptions), or for `Image.cat` 'keep those, `da.isel(band=slice(0, 64))`', the second year left out as no band."""
import re
import numpy as np, pytest, rasterio, rioxarray
from rasterio.transform import from_origin
import alphaearth_nb as aef
from alphaearth_nb.core import DimensionError

def _tif(p, names, q):
    with rasterio.open(p, "w", driver="GTiff", width=5, height=6, count=len(names), dtype="int8", crs="EPSG:32631",
                       transform=from_origin(500000, 5000060, 10, 10), nodata=-128) as d:
        for i, n in enumerate(names):
            d.write(q[i // 64][..., i % 64], i + 1)
            if n: d.set_band_description(i + 1, n)
    return p

B = aef.band_names()

@pytest.mark.parametrize("names, said", [([f"{y}_{b}" for y in (2023, 2024) for b in B], ("2023_A00..2023_A63", "2024_A00..2024_A63")),
                                         (B + [f"{b}_1" for b in B], ("(A00..A63)", "A00_1..A63_1")),
                                         ([f"{b}_{y}" for y in (2023, 2024) for b in B], ("A00_2023..A63_2023", "A00_2024..A63_2024")),
                                         ([None] * 128, ("2 x 64",))])
def test_two_years_as_bands(tmp_path, names, said):
    rng = np.random.default_rng(0)
    v = [rng.normal(size=(6, 5, 64)) for _ in range(2)]
    q = [np.asarray(aef.quantize.quantize((a / np.linalg.norm(a, axis=-1, keepdims=True)).astype(np.float32))) for a in v]
    p = _tif(tmp_path / "two.tif", names, q)
    da = rioxarray.open_rasterio(p)
    for call in (lambda: aef.from_official(da), lambda: aef.embeddings.read_official_tiff(p), lambda: aef.embeddings.as_embedding(da)):
        with pytest.raises(DimensionError) as ex: call()
        msg = str(ex.value)
        assert "open_rasterio(path)` or `read_official_tiff" not in msg and "keep those" not in msg and all(s in msg for s in said), msg
    code = re.findall(r"`(aef\.from_official\(da\.isel\(band=[^`]*\)\))`", msg)
    assert len(code) == 2, msg
    for k, c in enumerate(code):   # the named code reads each year
        got = eval(c, {"aef": aef, "da": da}).transpose("y", "x", "band").values
        np.testing.assert_allclose(got, np.asarray(aef.dequantize(q[k])), atol=1e-6)
