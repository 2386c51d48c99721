"""A site table's grid must hold its site (review38 finding 4): each row's grid, x0/y0 metres in grid_crs, is placed
back in lon/lat with pyproj and refused (LabelError naming the column, where the grid lies, and the site's UTM zone,
`sites.utm_crs`'s zone formula) where the site's point lies off it, or where grid_crs's metre is no metre on the
ground there (EPSG:3857: 0.669 m at lat 48). Was: any projected CRS in metres passed, so a table whose grid_crs is
another UTM zone, or EPSG:3857, with site_grid's x0/y0 put every grid 570-9987 km from its point (the corpus
would read another place's pixels)."""
import numpy as np
import pytest
from pyproj import Transformer

from alphaearth_nb.core import LabelError
from alphaearth_nb.sites import box_strata, sample_sites, site_grid, site_table


@pytest.fixture(scope="module")
def st():   # 4 sites near lon 2.04, lat 48.02: UTM 31N (EPSG:32631), site_grid's x0 427750, y0 5320040 for the first
    return sample_sites(box_strata(2), (2020, 2021), cap=2, seed=0)


def _metres(st, crs):   # each site's own grid in `crs`: its point at the grid's centre
    x, y = Transformer.from_crs(4326, crs, always_xy=True).transform(st.lon.to_numpy(), st.lat.to_numpy())
    return st.assign(grid_crs=crs, x0=x - 640.0, y0=y + 640.0)


def test_sample_sites_tables_and_other_true_grids_pass(st):
    site_table(st)
    site_table(_metres(st, "EPSG:3035"))   # ETRS89-LAEA Europe: the point inside, scale within 0.1% of 1
    site_table(_metres(st, "EPSG:32632"))  # the next zone east, 7 deg from its meridian at lat 48: scale 1.003


def test_another_zone_names_where_the_grid_lies_and_the_sites_zone(st):
    with pytest.raises(LabelError, match=r"column 'grid_crs' .* holds 'EPSG:32633' at rows 0, 1, 2, 3") as e:
        site_table(st.assign(grid_crs="EPSG:32633"))
    # zone 33's central meridian is 15 E, 31's 3 E: the same metres lie 12 deg east, 894 km away
    assert "is centred at lon 14.04, lat 48.02, 894.2 km from the site's point (lon 2.03958, lat 48.0239)" in str(e.value)
    assert "e.g. 'EPSG:32631', the UTM zone of the site" in str(e.value)


def test_web_mercator_is_refused_both_ways(st):
    with pytest.raises(LabelError, match="holds 'EPSG:3857'.*570.7 km from the site's point.*'EPSG:32631'"):
        site_table(st.assign(grid_crs="EPSG:3857"))   # UTM metres read as Web Mercator's
    # its own metres: the point inside, but a metre of it is cos(48.02 deg) = 0.669 m on the ground
    with pytest.raises(LabelError, match=r"EPSG:3857's is 0.669 m at the site's point.*e.g. 'EPSG:32631'"):
        site_table(_metres(st, "EPSG:3857"))


def test_a_southern_site_in_the_northern_zone(st):
    crs, x0, y0 = site_grid(-60.0, -10.0)
    one = st.iloc[:1].assign(lon=-60.0, lat=-10.0, grid_crs=crs, x0=x0, y0=y0)
    site_table(one)
    with pytest.raises(LabelError, match="9987 km from the site's point .* e.g. 'EPSG:32721'"):
        site_table(one.assign(grid_crs="EPSG:32621"))


def test_a_corner_of_another_site_in_the_right_zone_names_x0(st):
    with pytest.raises(LabelError, match=r"column 'x0' .* holds 444210.0 at rows 0, 1, 2, 3.*16.47 km from"):
        site_table(st.assign(x0=st.x0.to_numpy()[::-1] + 5000))
    assert np.allclose(site_table(st.assign(x0=st.x0 + 600)).x0, st.x0 + 600)   # the point still on the grid
