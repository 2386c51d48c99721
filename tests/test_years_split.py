"""cubes' functions of a cube's years (one_model, map_year, join_years, warn_missing_years, yearly_change,
ONE_MAP_ATTRS) live in `years` (below cubes), so cubes stays under the layout's module size; cubes re-exports each,
so `from alphaearth_nb.cubes import join_years` works as before, and help() keeps their Parameters sections."""

NAMES = ["ONE_MAP_ATTRS", "one_model", "map_year", "join_years", "warn_missing_years", "yearly_change",
         "refuse_repeated_years"]   # the last: session 41


def test_cubes_reexports_the_years(reexported):
    years, cubes = reexported("years", "cubes", NAMES)
    from alphaearth_nb.cubes import yearly_change   # the old spelling
    assert "cube with at least 3 years" in yearly_change.__doc__   # its Parameters section, from years
