"""Three more hints name code that runs as written after README's `import alphaearth_nb as aef`, as queries' and
points' do since 6a9d4910: a vector file as a similarity query (`aef.similarity(emb, gpd.read_file(path))`,
loaders.loader_of), integer embeddings to quantize (`aef.dequantize(q)`) and a DataArray without a 64-long band dim
(`aef.embed(...)`, `aef.from_official(ds)`). Was: bare `similarity(...)`, `dequantize(q)`, `embed(...)`,
`from_official(ds)`: NameError under that import (review46)."""
import re

import geopandas as gpd
import numpy as np
import pytest
import xarray as xr
from shapely.geometry import Point

import alphaearth_nb as aef
from alphaearth_nb.core import DimensionError, DTypeError
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((4, 4), seed=1))   # 10 m, corner (500000, 5000000), EPSG:32631


def _code(msg, word):
    return [c for c in re.findall(r"`([^`]+)`", msg) if word in c]


def test_a_vector_file_query_names_aef_similarity(tmp_path):
    path = str(tmp_path / "pt.gpkg")
    gpd.GeoDataFrame({"a": [1]}, geometry=[Point(500015.0, 4999985.0)], crs="EPSG:32631").to_file(path)
    with pytest.raises(DTypeError) as e: aef.similarity(E, path)
    calls = _code(str(e.value), "similarity(")
    assert calls == ["aef.similarity(emb, gpd.read_file(path))"], str(e.value)
    got = eval(calls[0], {"aef": aef, "gpd": gpd, "emb": E, "path": path})   # runs as written
    assert got.sizes == {"y": 4, "x": 4} and float(got.sel(x=500015.0, y=4999985.0)) == pytest.approx(1.0, abs=1e-5)


def test_integer_embeddings_name_aef_dequantize():
    q = aef.quantize(E.values)
    with pytest.raises(DTypeError) as e: aef.quantize(q)
    calls = _code(str(e.value), "dequantize(")
    assert calls == ["aef.dequantize(q)"], str(e.value)
    np.testing.assert_allclose(np.asarray(eval(calls[0], {"aef": aef, "q": q})), E.values, atol=0.02)


def test_no_band_dim_names_aef_embed_and_from_official():
    bad = xr.DataArray(np.zeros((2, 3, 5)), dims=("y", "x", "c"))
    with pytest.raises(DimensionError) as e: aef.similarity(bad, np.ones(64))
    msg = str(e.value)
    assert "`aef.embed(...)`" in msg and "`aef.from_official(ds)`" in msg, msg
    assert not re.search(r"`(embed|from_official)\(", msg), msg
    assert callable(aef.embed) and callable(aef.from_official)   # the callable module and the function


@pytest.mark.parametrize("kw, fit_kw", [(dict(lr=1e-3), "config"), (dict(warmup=5), "config"), (dict(steps=7), "steps"),
                                        (dict(batchsize=4), "batch_size")])
def test_a_training_setting_given_to_preset_names_aef_fit(kw, fit_kw):
    "Was: `fit('tiny', data, config=TrainConfig(peak_lr=...))`, two NameErrors under `import alphaearth_nb as aef`."
    with pytest.raises(aef.core.ConfigError) as e: aef.preset("tiny", **kw)
    calls = _code(str(e.value), "fit(")
    assert len(calls) == 1 and calls[0].startswith("aef.fit('tiny', data, "), str(e.value)
    seen = {}
    got = eval(calls[0], {"aef": type("aef", (), {"fit": staticmethod(lambda *a, **k: seen.update(a=a, k=k)),
                                                  "step": aef.step})}, {"data": "DATA"})   # runs as written
    assert got is None and seen["a"] == ("tiny", "DATA") and list(seen["k"]) == [fit_kw]
    value = next(iter(kw.values()))
    if fit_kw == "config": assert isinstance(seen["k"]["config"], aef.step.TrainConfig)
    got = seen["k"]["config"] if fit_kw == "config" else None
    assert got is None or value in vars(got).values()
    assert fit_kw == "config" or seen["k"][fit_kw] == value


# The rule, over every message: a call in a code span of an error or warning (any string but a docstring) of a
# function of the package is written as it runs after `import alphaearth_nb as aef`: `aef.name(...)`,
# `aef.module.name(...)` or a map's `emb.aef.name(...)`, never bare (`fit(...)`, `join_years(...)`: NameError) nor from
# a module not reached through `aef` (`train.load_model(...)`: NameError), and each path resolves (`aef.join_years`
# does not: AttributeError). `aef`'s own command line words some of them as commands (`cli_args.shell_words`' CALLS).


def _spans():
    "Every code span of every string of the package's modules but docstrings: (module, line, span)."
    import ast, pathlib, pkgutil
    pkg = pathlib.Path(aef.__file__).parent

    def text(n):
        if isinstance(n, ast.Constant) and isinstance(n.value, str): return n.value
        if isinstance(n, ast.JoinedStr): return "".join(v.value if isinstance(v, ast.Constant) else "X" for v in n.values)
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add) and None not in (a := text(n.left), b := text(n.right)):
            return a + b

    for m in sorted(m.name for m in pkgutil.iter_modules(aef.__path__) if not m.name.startswith("_")):
        tree = ast.parse((pkg / f"{m}.py").read_text())
        docs = {id(n.body[0].value) for n in ast.walk(tree) if isinstance(n, (ast.Module, ast.FunctionDef,
                ast.AsyncFunctionDef, ast.ClassDef)) and n.body and isinstance(n.body[0], ast.Expr)}
        seen = set()
        for node in ast.walk(tree):
            if id(node) in docs or id(node) in seen or (t := text(node)) is None: continue
            seen |= {id(s) for s in ast.walk(node)}
            for code in re.findall(r"`([^`]+)`", t): yield m, node.lineno, code


def _modules():
    import importlib, pkgutil
    return {m.name: importlib.import_module(f"alphaearth_nb.{m.name}") for m in pkgutil.iter_modules(aef.__path__)
            if not m.name.startswith("_")}


def _resolves(path):
    obj = aef
    for part in path.split("."):
        if not hasattr(obj, part): return False
        obj = getattr(obj, part)
    return True


def _accessors():
    aef.accessor, aef.explorer   # registers the accessors with their plot and explore
    return xr.DataArray.aef, xr.Dataset.aef


def _bad_calls():
    "The calls in hints that do not run after `import alphaearth_nb as aef`: {module: {span: why}}."
    import builtins
    mods = _modules()
    ours = {n for mod in mods.values() for n in getattr(mod, "__all__", []) if callable(getattr(mod, n, None))}
    user_words = {"labels", "features", "codes", "text", "index"}   # modules named as users name their own objects
    accessors = _accessors()
    bad = {}
    for m, line, code in _spans():
        why = []
        for name in re.findall(r"(?<![\w.])([A-Za-z_]\w*)\(", code):
            if name in ours and not hasattr(builtins, name) and not hasattr(xr.DataArray, name): why.append(f"bare {name}")
        for mod, name in re.findall(r"(?<![\w./])([a-z_]\w*)\.([A-Za-z_]\w*)", code):   # called or named
            if mod in mods and mod not in user_words and hasattr(mods[mod], name) and name[0] != "_":
                why.append(f"{mod}.{name} without aef.")
        for path in re.findall(r"(?<![\w.])aef\.([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)", code):   # aef.x.y, called or named
            if "X" not in path.split(".") and not _resolves(path): why.append(f"aef.{path} does not exist")
        for name in re.findall(r"(?<=[\w)\]])\.aef\.([A-Za-z_]\w*)\(", code):    # emb.aef.x( of a map or a stack
            if name != "X" and not any(hasattr(a, name) for a in accessors): why.append(f".aef.{name} is no accessor method")
        if why: bad.setdefault(m, {})[f"{line}: {code}"] = why
    return bad


def test_every_call_in_a_hint_runs_after_import_aef():
    bad = _bad_calls()
    assert not bad, f"hints with calls that do not run after `import alphaearth_nb as aef` (write `aef.…(`): {bad}"


def test_the_rule_sees_each_kind_of_bad_call():
    "The check reads what it should: a bare call, a module without aef., a path that is not there, a wrong method."
    assert _resolves("years.join_years") and _resolves("fit") and not _resolves("join_years")
    assert not _resolves("cubes.no_such") and _resolves("train.load_model")
    acc = _accessors()
    assert any(hasattr(a, "similarity") for a in acc) and not any(hasattr(a, "join_years") for a in acc)
    spans = list(_spans())
    assert len(spans) > 500 and any("aef.years.join_years(" in c for _, _, c in spans)   # the hints are read


def test_yearly_change_hint_names_join_years_that_runs():
    "note47: `yearly_change` of two years named `join_years(...)`, which is NameError under `import ... as aef`."
    a = embedding_from_array(random_unit((3, 4), seed=5))
    b = embedding_from_array(random_unit((3, 4), seed=6))
    cube = xr.concat([a, b], dim="time").assign_coords(time=[2023, 2024])
    with pytest.raises(aef.AEFError) as e: aef.cubes.yearly_change(cube)
    calls = _code(str(e.value), "join_years(")
    assert len(calls) == 2 and all(c.startswith("cube = aef.years.join_years([cube, ") for c in calls), str(e.value)
    env = {"cube": cube, "emb": embedding_from_array(random_unit((3, 4), seed=7))}
    exec(calls[1], {"aef": aef}, env)   # runs as written: the year given
    assert list(env["cube"].time.dt.year.values) == [2023, 2024, 2025]


def _paths_by_function():
    "{function: {aef.a.f path named in hints}} over every hint's code spans (`_spans`), functions of ours alone."
    by = {}
    for _, _, code in _spans():
        for path in re.findall(r"(?<![\w.])aef\.([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)", code):
            obj = aef
            for part in path.split("."): obj = getattr(obj, part, None)
            if callable(obj) and str(getattr(obj, "__module__", "")).startswith("alphaearth_nb."):
                by.setdefault(obj, set()).add(path)
    return by


def test_each_function_has_one_path_in_the_hints():
    """s49: `yearly_change`'s refusals named `aef.years.join_years` (a cube of 2 years) and `aef.cubes.join_years` (a
    map without time), a re-export; `runs` named `aef.exports.open_zarr`, `loaders` `aef.stores.open_zarr`. Each
    function is named by one path in all hints (a facade's, such as `aef.geo.to_crs`, where that is the one)."""
    by = _paths_by_function()
    assert len(by) > 20   # the hints are read
    two = {f.__name__: sorted(p) for f, p in by.items() if len(p) > 1}
    assert not two, two


def test_yearly_change_names_join_years_by_one_path():
    a, b = (embedding_from_array(random_unit((3, 4), seed=s)) for s in (5, 6))
    two = xr.concat([a, b], dim="time").assign_coords(time=[2023, 2024])
    said = []
    for cube in (two, a, a.expand_dims(year=[2023])):   # 2 years; a map of no `time`; years along `year`
        with pytest.raises(aef.AEFError) as e: aef.years.yearly_change(cube)
        said.append(str(e.value))
    assert all(re.findall(r"aef\.\w+\.join_years", s) for s in said[:2]), said
    paths = {p for s in said for p in re.findall(r"aef\.(\w+)\.(?:join_years|yearly_change)", s)}
    assert paths <= {"years"}, said
