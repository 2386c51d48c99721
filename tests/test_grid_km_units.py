"""A projected map whose x/y say another length unit than their CRS's axes (units 'km' on a UTM grid, written by a
netCDF or a model that stores kilometres) is refused where its grid is read, with the conversion: its COG was written
at 1/1000 of its place and size (x0 500.005 in EPSG:32633, 1 cm pixels) and points in the CRS's metres were 'outside
the grid read either way'. After the fix as said, similarity, sample, classify and to_cog answer as for the metre map."""
import numpy as np
import pytest

from alphaearth_nb.core import GridError
from alphaearth_nb.testing import embedding_from_array, random_unit

H, W = 6, 8
V = random_unit((H, W), seed=5)
X = 500005.0 + 10 * np.arange(W); Y = 5000095.0 - 10 * np.arange(H)   # 10 m pixels, UTM 33N


def in_km(units="km"):
    e = embedding_from_array(V, coords={"y": Y / 1000, "x": X / 1000}, crs="EPSG:32633")
    e.x.attrs["units"] = units; e.y.attrs["units"] = units
    return e


@pytest.mark.parametrize("door", ["similarity", "sample", "to_cog"])
def test_a_km_grid_is_refused_with_the_conversion(door, tmp_path):
    e = in_km()
    call = {"similarity": lambda: e.aef.similarity((X[2], Y[1])),
            "sample": lambda: e.aef.sample((X[:1], Y[:1])),
            "to_cog": lambda: e.aef.to_cog(str(tmp_path / "km.tif"))}[door]
    with pytest.raises(GridError, match=r"in km .*EPSG:32633.*metre.*\* 1000"): call()
    assert not (tmp_path / "km.tif").exists()


def test_the_fix_as_said_gives_the_metre_maps_answers(tmp_path):
    e = in_km()
    fixed = e.assign_coords(x=e.x.values * 1000, y=e.y.values * 1000)   # the message's fix
    s = fixed.aef.similarity((X[2], Y[1]))
    assert int(np.nanargmax(s.values)) == 1 * W + 2 and abs(float(s.values[1, 2]) - 1) < 1e-6
    t = fixed.aef.sample((X[[2, 5]], Y[[1, 4]]))
    bands = [c for c in t.columns if str(c).startswith("A")]
    np.testing.assert_allclose(t[bands].values, V[[1, 4], [2, 5]], atol=1e-6)
    import rioxarray
    fixed.aef.to_cog(str(tmp_path / "m.tif"))
    back = rioxarray.open_rasterio(tmp_path / "m.tif")
    assert float(back.x[0]) == X[0] and float(back.y[0]) == Y[0] and back.rio.resolution() == (10.0, -10.0)


def test_metres_said_and_degrees_pass():
    e = in_km("m")   # the CRS's own unit said: read as before (no refusal)
    e = e.assign_coords(x=X, y=Y); e.x.attrs["units"] = "metre"
    assert e.aef.similarity((X[2], Y[1])).shape == (H, W)
