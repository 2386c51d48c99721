"""A source in another CRS is told to reproject, whatever its coordinates: stacks.check_grid compares the CRS before
the pixel centres. Was: a source reprojected to its own UTM zone (so its x/y differ too) was told 'on different
grids ... resample one onto the other, e.g. ds.interp_like(stack[...])', a fix that interpolates zone-32 metres at
zone-31 positions (all NaN, or another place)."""
import pytest
import xarray as xr

from alphaearth_nb.core import GridError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import sampler_stack


def test_other_crs_and_other_coordinates_is_told_to_reproject():
    st = sampler_stack()
    names = list(st.children)
    a, b = names[0], names[1]
    other = st[b].to_dataset()
    other = other.assign_coords(x=other.x.values - 700_000.0 + 3.0, y=other.y.values + 11.0).assign_attrs(crs="EPSG:32632")
    tree = xr.DataTree.from_dict({a: st[a].to_dataset(), b: other, **{n: st[n].to_dataset() for n in names[2:]}})
    with pytest.raises(GridError, match="reproject") as e:
        validate_stack(tree)
    assert "interp_like" not in str(e.value)
