"""gate's functions of directions (unit_rows, COS_ROWS, cosines, change_score) live in `directions` (below gate), so
gate stays under the layout's module size; gate re-exports each, so `from alphaearth_nb.gate import cosines` works as
before, and help() keeps their Parameters sections."""
import numpy as np

NAMES = ["unit_rows", "COS_ROWS", "cosines", "change_score"]

def test_gate_reexports_the_directions(reexported):
    d, gate = reexported("directions", "gate", NAMES)
    from alphaearth_nb.gate import change_score, unit_rows   # the old spelling
    u = unit_rows(np.array([[3.0, 4.0]]), np.float64)
    assert u.tolist() == [[0.6, 0.8]] and change_score(u, u).tolist() == [0.0]
    import alphaearth_nb
    assert "Parameters" in alphaearth_nb.directions.cosines.__doc__
