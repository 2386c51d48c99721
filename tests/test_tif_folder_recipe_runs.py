"""`aef train --data tifs` (a folder of per-date GeoTIFFs) printed a recipe,
`xr.concat(frames, dim=pd.Index(dates, name='time')).rename(band_names)`, that fails when run: rioxarray reads a file as
one DataArray with a `band` dim, which `.rename` of band names cannot make variables (newcomer s53). The error now
prints a `python -c` line; run as printed in the shell, it writes a stack that `validate_stack` takes. (The folder, the
refusal and the printed line run: conftest's `tif_recipe`, shared with test_tif_folder_recipe_dates.)"""
import numpy as np
import pytest

from alphaearth_nb.stacks import validate_stack


@pytest.mark.parametrize("command", [("train", "--preset", "tiny"), ("embed",)])
def test_the_printed_line_writes_a_stack(tif_recipe, command):
    days = ("2021-05-01", "2021-05-11", "2021-05-21")
    tree, data = tif_recipe("tifs", [f"S2_{day}.tif" for day in days], command)
    validate_stack(tree)
    s2 = tree["sentinel2"].to_dataset()
    assert s2.attrs["crs"] == "EPSG:32631" and s2.sizes["time"] == 3 and "B12" in s2
    assert str(s2.time.values[0])[:10] == days[0]
    np.testing.assert_array_equal(s2["B2"].isel(time=0).values, data[0][0])
