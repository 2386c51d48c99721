"windows was split from embed (session 27): the old names are the same objects, so old code keeps working."
from alphaearth_nb import embed, windows


def test_embed_re_exports_what_moved_to_windows():
    for n in ("Tiling", "tiling", "trim_range", "support_window", "extrapolation_days", "check_extrapolation", "bucket"):
        assert getattr(embed, n) is getattr(windows, n) and n in embed.__all__, n
    assert set(windows.__all__) <= set(embed.__all__)


def test_windows_reads_no_model_and_no_data():
    "The seam: tiles and frame windows are numbers in, numbers out; jax, dask and xarray stay in embed."
    import ast, inspect
    tree = ast.parse(inspect.getsource(windows))
    mods = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    mods |= {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and not n.level}
    assert not mods & {"jax", "equinox", "dask", "xarray", "numpy"}, mods
