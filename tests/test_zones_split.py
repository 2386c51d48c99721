"""cubes' zones and one vector per zone (aggregate, tile_zones, h3_zones, zones_of, HOWS) live in `zones` (session 56:
cubes was at the layout's 600 lines), re-exported by cubes, so `from alphaearth_nb.cubes import aggregate` works as
before, and help() keeps their Parameters sections."""

NAMES = ["HOWS", "aggregate", "tile_zones", "h3_zones", "zones_of"]


def test_cubes_reexports_the_zones(reexported):
    zones, cubes = reexported("zones", "cubes", NAMES)
    from alphaearth_nb.cubes import aggregate   # the old spelling
    assert "Parameters" in aggregate.__doc__ and "coverage" in aggregate.__doc__.partition("Parameters")[2]
