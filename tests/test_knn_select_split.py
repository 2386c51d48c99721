"""knn's selection stages (group minima, packed keys, `min` passes, `block_candidates`) live in `knn_select` (22c,
below knn), split in session 40 so knn stays under the module size (it was at 585 of 600 lines); knn re-exports
`GROUP`, so `from alphaearth_nb.knn import GROUP` works as before, and its search picks through the one copy."""
import numpy as np
import jax.numpy as jnp


def test_knn_reexports_the_group_size(reexported):
    sel, knn = reexported("knn_select", "knn", ["GROUP"])
    from alphaearth_nb.knn import GROUP   # the old spelling
    assert GROUP == 16 and knn.smallest is sel.smallest   # knn's search no longer reads block_candidates itself


def test_no_second_copy_of_the_selection_in_knn():
    from alphaearth_nb import knn
    for name in ("_pack", "_unpack", "_smallest_keys", "_block_candidates", "_smallest", "_gathered", "_PASSES"):
        assert not hasattr(knn, name), name


def test_block_candidates_hand_worked():
    "64 rows (4 groups of 16), 2 queries: the 3 smallest of each column, rows and values, and a bound on the 4th."
    from alphaearth_nb.knn_select import block_candidates
    d = np.full((64, 2), 10.0, np.float32)
    d[[5, 40, 41], 0] = [1.0, 2.0, 3.0]
    d[7, 0] = 4.0
    d[[63, 0, 17], 1] = [0.5, 0.75, 1.5]
    d[30, 1] = 2.5
    rows, vals, lb = (np.asarray(a) for a in block_candidates(jnp.asarray(d), 3))
    assert rows.T.tolist() == [[5, 40, 41], [63, 0, 17]]
    assert vals.T.tolist() == [[1.0, 2.0, 3.0], [0.5, 0.75, 1.5]]
    assert 3.0 < lb[0] <= 4.0 and 1.5 < lb[1] <= 2.5


def test_the_split_modules_keep_under_the_cap_unjoined(split_module_check):
    split_module_check("knn_select", 200)
    split_module_check("knn", 560)


def test_selection_needs_no_host_side():
    "The seam: knn_select is jax and numpy alone; pandas, the gates and the host rechecks stay in knn."
    import ast, inspect
    from alphaearth_nb import knn_select
    tree = ast.parse(inspect.getsource(knn_select))
    mods = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    mods |= {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert mods <= {"__future__", "math", "jax", "numpy", "jaxtyping"}, mods
