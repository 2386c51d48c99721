"""labels' reading and writing of the class names a raster declares (class_flags, flag_attrs, joined_class_maps) live
in `class_names` (03a, session 56: labels was at 578 of the layout's 600 lines), re-exported by labels, so
`from alphaearth_nb.labels import class_flags` works as before; labels stays under 540 lines."""
import numpy as np
import xarray as xr


def test_labels_reexports_the_class_names(reexported, split_module_check):
    reexported("class_names", "labels", ["class_flags", "flag_attrs", "joined_class_maps"])
    split_module_check("labels", 540)
    from alphaearth_nb.labels import class_flags   # the old spelling, and labels' own reads of it
    lc = xr.DataArray(np.zeros((2, 2), np.int16), dims=("y", "x"),
                      attrs={"flag_values": np.array([3, 7], np.int16), "flag_meanings": "tree_cover open_water"})
    assert class_flags(lc) == {3: "tree_cover", 7: "open_water"}
