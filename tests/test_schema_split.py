"schema was split from stacks (session 26): the old names are the same objects, so old code keeps working."
from alphaearth_nb import schema, stacks


def test_stacks_re_exports_what_moved_to_schema():
    for n in ("DIMS", "CLOUD", "DIM_NAMES", "GRID_M", "dim_renames", "orbit_coord", "check_orbits", "naive_utc",
              "check_grid", "pixel_metres", "check_pixel_size", "resolve", "mask_declared"):
        assert getattr(stacks, n) is getattr(schema, n) and n in stacks.__all__, n
