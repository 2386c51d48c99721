"""`join_years` of maps on one grid by meaning gives one grid: coordinates that differ by float noise (two readers or
two reprojections: 1e-6 m to 0.01 m on a UTM northing) and a grid stored south-first or east-first (y ascending, as
some readers give; x descending) are the first map's grid, so an unchanged year has change 0 everywhere (as
`aef.change` of the two maps already said). Was: `xr.concat`'s outer join of the labels, a 3 x 8 x 10 cube with 60 of
its 80 pixels NaN each year, silently; a reversed axis refused as another grid ('differ by up to 30')."""
import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb.testing import embedding_from_array, random_unit


def _map(seed=72, h=4, w=5):   # a 4 x 5 map of random unit vectors on a 10 m UTM 31N grid (testing's two helpers)
    return embedding_from_array(random_unit((h, w), seed=seed), crs="EPSG:32631",
                                coords={"y": 5_000_035.0 - 10 * np.arange(h), "x": 500_005.0 + 10 * np.arange(w)})


def _same_cube(cube, m):
    assert dict(cube.sizes) == {"time": 3, "y": 4, "x": 5, "band": 64}
    np.testing.assert_array_equal(cube.y.values, m.y.values)   # the first map's labels and order
    np.testing.assert_array_equal(cube.x.values, m.x.values)
    assert not np.isnan(cube.values).any()
    for t in range(3): np.testing.assert_array_equal(cube.isel(time=t).values, m.values)
    d = aef.change(cube.isel(time=0), cube.isel(time=1)).values
    assert float(np.abs(d).max()) < 1e-6


@pytest.mark.parametrize("jitter", [1e-6, 1e-3, 0.01])
def test_jittered_coordinates_join_on_the_first_grid(jitter):
    m = _map()
    j = m.assign_coords(x=m.x + jitter, y=m.y - jitter)
    _same_cube(aef.cubes.join_years([m, j, m], years=[2022, 2023, 2024]), m)


@pytest.mark.parametrize("axis", ["y", "x", "both"])
def test_a_grid_stored_in_another_order_is_turned_to_the_first(axis):
    m = _map()
    turned = m.isel({d: slice(None, None, -1) for d in (("y", "x") if axis == "both" else (axis,))})
    _same_cube(aef.cubes.join_years([m, turned, m], years=[2022, 2023, 2024]), m)


def test_south_first_and_jittered_together():
    m = _map()
    j = m.isel(y=slice(None, None, -1)).assign_coords(x=lambda o: o.x + 1e-6, y=lambda o: o.y - 1e-6)
    _same_cube(aef.cubes.join_years([m, j, m], years=[2022, 2023, 2024]), m)


def test_another_grid_is_still_refused():
    m = _map()
    with pytest.raises(aef.core.GridError, match="different grids"):
        aef.cubes.join_years([m, m.assign_coords(x=m.x + 10.0)], years=[2022, 2023])
    with pytest.raises(aef.core.GridError, match="different grids"):
        aef.cubes.join_years([m, m.assign_coords(y=m.y + 3.0)], years=[2022, 2023])
