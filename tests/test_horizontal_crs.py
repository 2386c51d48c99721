"""One CRS rule (field case B2's kind): two CRSs are one when their horizontal parts are, by meaning (`spatial.same_crs`
via `horizontal_crs`): WGS 84 3D (EPSG:4979) is EPSG:4326 for a map, a UTM zone with a vertical datum is the zone;
the next zone is still another CRS. change, classify, similarity, sample and points_at agree."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import change, classify, similarity
from alphaearth_nb.core import GridError
from alphaearth_nb.cubes import sample
from alphaearth_nb.evaluate import points_at
from alphaearth_nb.geo import check_same_grid, grid_coords, same_crs, to_crs, write_crs
from alphaearth_nb.testing import embedding_from_array, random_unit

LL = grid_coords(4, 5, x0=2.0, y0=45.0, res=0.001)   # lon/lat pixel centres


def _emb(crs, seed=0, coords=LL):
    return embedding_from_array(random_unit((4, 5), seed=seed), coords=coords, crs=crs)


@pytest.mark.parametrize("a, b", [("EPSG:4326", "EPSG:4979"), ("OGC:CRS84", "EPSG:4979"),
                                  ("EPSG:32631", "EPSG:32631+5773"), ("EPSG:4258", "EPSG:4937")])
def test_the_same_horizontal_crs_is_one_crs(a, b):
    assert same_crs(a, b) and same_crs(b, a)
    c = grid_coords(4, 5) if "326" in a else LL
    e1, e2 = _emb(a, 0, c), _emb(b, 1, c)
    check_same_grid(e1, e2)
    ch = change(e1, e2)                                        # was GridError "different CRS (EPSG:4326 vs EPSG:4979)"
    assert ch.shape == (4, 5) and np.isfinite(ch.values).all()
    w = write_crs(e2, b)
    w.attrs.pop("crs")                                         # the CRS as WKT in `spatial_ref` alone
    check_same_grid(e1, w)


def test_other_zones_and_heights_stay_apart():
    for a, b in [("EPSG:32631", "EPSG:32632"), ("EPSG:32631+5773", "EPSG:32632"), ("EPSG:4979", "EPSG:32631"),
                 ("EPSG:4978", "EPSG:4326")]:   # geocentric x/y/z is no lon/lat grid
        assert not same_crs(a, b), (a, b)
    with pytest.raises(GridError, match="different CRS"):
        change(_emb("EPSG:32631", 0, grid_coords(4, 5)), _emb("EPSG:32632", 1, grid_coords(4, 5)))


def test_every_map_function_reads_a_3d_crs_as_its_horizontal_part():
    e = _emb("EPSG:4326")
    x, y = float(e.x[2]), float(e.y[1])
    # similarity at a point given in WGS 84 3D: the pixel itself
    s = similarity(e, (x, y), crs="EPSG:4979")
    assert abs(float(s.isel(y=1, x=2)) - 1) < 1e-5
    # classify with a label raster in EPSG:4979 on the EPSG:4326 map: every labelled pixel its own class
    lab = xr.DataArray(np.tile([1.0, 2.0, np.nan, 1.0, 2.0], (4, 1)), dims=("y", "x"), coords={"y": e.y, "x": e.x},
                       attrs={"crs": "EPSG:4979"})
    cls = classify(e, lab, method="knn", k=1)["class"].values
    np.testing.assert_array_equal(cls[:, [0, 1, 3, 4]], np.tile([1, 2, 1, 2], (4, 1)))
    # sample and points_at: a table of points in EPSG:4979 lands on the pixels named
    df = pd.DataFrame({"x": [x], "y": [y], "label": [1]})
    v = sample(e, df, crs="EPSG:4979")[[f"A{i:02d}" for i in range(64)]].to_numpy()[0]
    np.testing.assert_allclose(v, e.isel(y=1, x=2).values)
    feats = points_at(e, lab)
    assert len(feats[0]) == 16
    tx, ty = to_crs([x], [y], "EPSG:4979", "EPSG:4326")
    assert (tx[0], ty[0]) == (x, y)
