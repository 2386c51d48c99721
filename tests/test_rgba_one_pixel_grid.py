"""maps.to_rgba (what maps.explore hands leafmap) carries the picture's grid as GDAL's GeoTransform on `spatial_ref`,
so a one-row or one-pixel map (a transect, a strip read with `read_cog` or `official.open`) keeps its place: was
placed by rioxarray's transform from the coordinates, which is the identity (1, 0, 0, 0, 1, 0) with one row,
so the layer was drawn 1 unit a pixel at the CRS origin."""
import numpy as np, pytest
pytest.importorskip("rioxarray")
import rioxarray  # noqa: F401
from alphaearth_nb.testing import random_unit, embedding_from_array
from alphaearth_nb.geo import write_crs
from alphaearth_nb.maps import to_rgba
from alphaearth_nb.exports import read_cog, to_cog

def _emb(x0=500_000.0, y0=4_000_000.0, step=10.0, crs="EPSG:32631", ny=6, nx=8):
    e = embedding_from_array(random_unit((ny, nx), seed=5))
    e = e.assign_coords(x=x0 + step * (np.arange(nx) + 0.5), y=y0 - step * (np.arange(ny) + 0.5))
    return write_crs(e, crs)

@pytest.mark.parametrize("what", ["embedding", "similarity", "classes"])
def test_one_row_and_one_pixel_placed(tmp_path, what):
    e = read_cog(to_cog(_emb(), tmp_path / "e.tif", dtype="float32"))   # its geotransform sizes a lone pixel
    m = {"embedding": e, "similarity": e.aef.similarity(e.isel(y=0, x=0)),
         "classes": (e.isel(band=0) > 0).astype(np.int64).assign_attrs(crs="EPSG:32631")}[what]
    # (rgb colours need 3 pixels: an embedding's lone pixel is refused by rgb, not placed)
    for sel, want in ((dict(y=[2]), (10, 0, 500_000, 0, -10, 3_999_980)),
                      *([] if what == "embedding" else [(dict(y=[2], x=[3]), (10, 0, 500_030, 0, -10, 3_999_980))]),
                      (dict(x=[5]), (10, 0, 500_050, 0, -10, 4_000_000))):
        img = to_rgba(m.isel(**sel))
        img = img.rio.write_crs(img.attrs.pop("crs"))
        assert tuple(img.rio.transform())[:6] == pytest.approx(want)
        img.rio.to_raster(tmp_path / "p.tif")   # what leafmap's add_raster writes
        with rioxarray.open_rasterio(tmp_path / "p.tif") as r:
            assert tuple(r.rio.transform())[:6] == pytest.approx(want)

def test_wrapped_lonlat_row_one_span():
    e = _emb(x0=179.998, y0=10.0, step=0.0005, crs="EPSG:4326", ny=4, nx=8)
    e = e.assign_coords(x=(e.x.values + 180) % 360 - 180)
    img = to_rgba(e.isel(y=[1]))
    t = tuple(img.rio.write_crs("EPSG:4326").rio.transform())[:6]
    assert t == pytest.approx((0.0005, 0, 179.998, 0, -0.0005, 9.9995))

def test_many_rows_unchanged():
    e = _emb()
    img = to_rgba(e)
    assert tuple(img.rio.write_crs("EPSG:32631").rio.transform())[:6] == pytest.approx((10, 0, 500_000, 0, -10, 4_000_000))
