"Layout rules of DESIGN.md (tools/layout_check.py): the package passes, and the checker catches each breach."
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def layout_check(load_script):
    "tools/layout_check.py as a module."
    return load_script(ROOT / "tools" / "layout_check.py")


def _tree(root:Path, modules:dict) -> Path:
    "A fake repository: {'NN_name': source} -> nbs/NN_name.ipynb (default_exp name) and alphaearth_nb/name.py."
    (root / "nbs").mkdir(parents=True); (root / "alphaearth_nb").mkdir()
    for key, src in modules.items():
        name = key.split("_", 1)[1]
        nb = {"cells": [{"cell_type": "code", "source": [f"#| default_exp {name}"]}]}
        (root / "nbs" / f"{key}.ipynb").write_text(json.dumps(nb))
        (root / "alphaearth_nb" / f"{name}.py").write_text(src)
    return root


def test_the_package_keeps_the_layout_rules(layout_check, capsys):
    assert layout_check.main(["--root", str(ROOT)]) == 0, capsys.readouterr().out


def test_the_checker_reports_each_breach(layout_check, tmp_path):
    root = _tree(tmp_path, {
        "00_core": "class AEFError(Exception): pass\n",
        "01_low": "from .high import thing\nfrom .core import AEFError\n",
        "02_high": "from .low import _private\nclass OwnError(ValueError): pass\n",
        "03_top": "def f():\n    from alphaearth_nb.low import x\n" + "y = 1\n" * 20,
        "04_raises": ("def f(v):\n    if v: raise ValueError('no')\n"
                      "class It:\n    def __next__(self): raise StopIteration\n"
                      "def __getattr__(name): raise AttributeError(name)\n"),
    })
    found = "\n".join(layout_check.check(root, max_lines=10, quiet=True))
    assert "floor: alphaearth_nb/low.py:1: low (01) imports high (02)" in found
    assert "private import: alphaearth_nb/high.py:1 imports _private from low" in found
    assert "error class outside core: alphaearth_nb/high.py:2 class OwnError" in found
    assert "function-level import: alphaearth_nb/top.py:2 imports low.x" in found
    assert "size: alphaearth_nb/top.py has 22 lines" in found
    assert "circle: high -> low -> high" in found
    assert "raise outside the family: alphaearth_nb/raises.py:2 raises ValueError" in found
    assert "StopIteration" not in found and "AttributeError" not in found   # what the protocol asks for
    assert "core.py" not in found   # error classes belong there
    beside = _tree(tmp_path / "errors", {"00_core": "from .errors import AEFError\n",
                                         "00_errors": "class AEFError(Exception): pass\nclass OwnWarning(UserWarning): pass\n"})
    found = layout_check.check(beside, quiet=True)   # not in a module of the family's own below core (session 36)
    assert "error class outside core: alphaearth_nb/errors.py:1 class AEFError" in found
    assert "error class outside core: alphaearth_nb/errors.py:2 class OwnWarning" in found
    clean = _tree(tmp_path / "clean", {"00_core": "class AEFError(Exception): pass\n",
                                       "01_a": "from .core import AEFError\n"})
    assert layout_check.check(clean, quiet=True) == []


def test_known_findings_are_shown_and_stale_ones_fail(layout_check):
    failing, known = layout_check.split_known(["size: a.py has 700 lines", "circle: a -> b -> a"],
                                              {"size: a.py": "being split", "size: gone.py": "was split"})
    assert known == ["size: a.py has 700 lines  [being split]"]
    assert failing[0] == "circle: a -> b -> a" and "stale KNOWN entry 'size: gone.py'" in failing[1]


def test_no_test_file_imports_another():
    "Shared builders live in conftest fixtures or alphaearth_nb.testing: a test file importing another runs its tests' "
    "module twice and breaks when that file is renamed (test_user_paths imported test_embed's make_stack)."
    import ast
    names = {p.stem for p in (ROOT / "tests").glob("*.py")}
    found = []
    for p in sorted((ROOT / "tests").glob("test_*.py")):
        for node in ast.walk(ast.parse(p.read_text())):
            mods = ([a.name for a in node.names] if isinstance(node, ast.Import)
                    else [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else [])
            found += [f"{p.name}:{node.lineno} imports {m}" for m in mods if m.split(".")[0] in names]
    assert not found, found


def test_the_checker_reports_imports_in_functions_unless_an_extra_is_required_first(layout_check, tmp_path):
    "Every import in the import cell: another package imported inside a function is a finding, unless it is an "
    "optional extra behind the missing-extra message (`require` called for it, or for a module bringing it, earlier "
    "in that function: maps' leafmap/geemap, index's usearch, explorer's loop over its widgets)."
    root = _tree(tmp_path, {"00_core": "class AEFError(Exception): pass\n", "01_mod": (
        "try: import shapely\nexcept ImportError: shapely = None\n"             # the import cell's guarded form: fine
        "def bare():\n    from shapely.geometry import box\n"                    # 4: no require
        "def late():\n    import leafmap\n    require('leafmap', 'maps')\n"      # 6: required after the import
        "def other():\n    require('geemap', 'ee')\n    import leafmap\n"        # 10: required for another module
        "def std():\n    import datetime as dt\n"                                # 12: stdlib, in a function
        "def ok():\n    require('leafmap', 'maps', 'explore()')\n    import leafmap, leafmap.foliumap\n"
        "def loop():\n    for mod in ('ipyleaflet', 'ipywidgets'): require(mod, 'maps')\n    import ipyleaflet\n"
        "def brought():\n    require('rioxarray', 'official')\n    from rasterio.errors import RasterioIOError\n"
        "def part():\n    require('odc.geo', 'official')\n    from odc.geo.xr import xr_reproject\n"
        "def outer():\n    require('usearch', 'retrieval')\n    def inner():\n        from usearch.index import Index\n"
        "def own():\n    from alphaearth_nb.core import AEFError\n")})
    found = [p for p in layout_check.check(root, quiet=True) if p.startswith("import in a function")]
    lines = sorted(int(p.split(":")[2].split()[0]) for p in found)
    assert lines == [4, 6, 10, 12], found
    assert "imports shapely.geometry: move it to the import cell (an optional extra: call require" in found[0]
    assert "imports datetime: move it to the import cell" in "\n".join(found) and "optional" not in found[-1]


def test_modules_whose_extra_is_imported_in_their_import_cell_import_without_it(fresh):
    "sites, official and mirrors import shapely (and scipy) in their import cell now (was: inside polygon_points, "
    "box_strata, sample_points, area_of, ...), guarded as cubes guards it: without shapely and geopandas they still "
    "import, and what needs them names the extra (was: ModuleNotFoundError for shapely)."
    code = ("import sys\nsys.modules['shapely'] = sys.modules['geopandas'] = None\n"
            "from alphaearth_nb import official, sites\nfrom alphaearth_nb.core import MissingDependencyError\n"
            "for f in (lambda: official.sample_points([(5.0, 45.0)], [2023]), sites.box_strata,\n"
            "          lambda: official.area_of((5.0, 44.0, 6.0, 45.0))):\n"
            "    try: f()\n    except MissingDependencyError as e: print(e)\n")
    r, = fresh([(code, {})])
    assert r.returncode == 0, r.stderr
    assert "official.sample_points needs the optional package `shapely`" in r.stdout, r.stdout
    assert "pip install 'alphaearth_nb[corpus]'" in r.stdout, r.stdout
    assert "areas as geometries needs the optional package `shapely`" in r.stdout, r.stdout   # mirrors.area_of


def test_a_private_helper_may_leave_the_require_to_every_caller(layout_check, tmp_path):
    "A private module-level helper importing an optional extra passes when every function calling it has called "
    "`require` for that extra first (exports' _profile / _write_rows / _cog_stage under to_cog and map_to_cog: one "
    "require per public call), directly or through another such helper; a helper reached from a function without "
    "the require, or also from one without it, or passed on uncalled, or never called, still fails."
    root = _tree(tmp_path, {"00_core": "class AEFError(Exception): pass\n", "01_mod": (
        "def _profile():\n    from rasterio.crs import CRS\n"                       # 2: callers require: fine
        "def _stage():\n    import rasterio.shutil\n    return _profile()\n"        # 4: ditto, via a helper too
        "def to_cog():\n    require('rasterio', 'official')\n    _profile()\n    with _stage(): pass\n"
        "def map_to_cog():\n    require('rioxarray', 'official')\n    return _stage()\n"   # brings rasterio
        "def _bare():\n    import rasterio\n"                                       # 14: public caller lacks it
        "def public():\n    return _bare()\n"
        "def _half():\n    import rasterio\n"                                       # 18: one caller of two lacks it
        "def one():\n    require('rasterio', 'official')\n    _half()\n"
        "def two():\n    _half()\n"
        "def _late():\n    import rasterio\n"                                       # 25: required after the call
        "def three():\n    _late()\n    require('rasterio', 'official')\n"
        "def _passed():\n    import rasterio\n"                                     # 30: handed on, not called
        "def four():\n    require('rasterio', 'official')\n    return map(_passed, [])\n"
        "def _unused():\n    import rasterio\n"                                     # 35: nobody calls it
        "def _loop():\n    import rasterio\n    _loop()\n"                          # 37: only itself calls it
        "def public_helper_import():\n    import rasterio\n"                        # 40: public: needs its own
        "def five():\n    require('rasterio', 'official')\n    public_helper_import()\n")})
    found = [p for p in layout_check.check(root, quiet=True) if p.startswith("import in a function")]
    lines = sorted(int(p.split(":")[2].split()[0]) for p in found)
    assert lines == [14, 18, 25, 30, 35, 37, 40], found
    assert "(a private helper: in every function calling it)" in found[0]


def test_the_checker_reports_a_warning_without_a_category_of_the_family(layout_check, tmp_path):
    "A `warnings.warn` without a category (a plain UserWarning) or with one outside core's AEFWarning family is " \
    "reported, where it is and what to pass; the family's classes (`X` or `core.X`, positional or `category=`) pass."
    root = _tree(tmp_path, {
        "00_core": ("class AEFError(Exception): pass\nclass AEFWarning(UserWarning): pass\n"
                    "class NoDataWarning(AEFWarning): pass\nclass FineWarning(NoDataWarning): pass\n"
                    "class LoneWarning(UserWarning): pass\n"),
        "01_a": ("import warnings\nfrom warnings import warn as w\nfrom . import core\nfrom .core import NoDataWarning\n"
                 "def f():\n"
                 "    warnings.warn('bare', stacklevel=2)\n"               # line 6
                 "    warnings.warn('plain', UserWarning)\n"               # line 7
                 "    w('aliased')\n"                                      # line 8
                 "    warnings.warn('lone', category=core.LoneWarning)\n"  # line 9
                 "    warnings.warn('ok', NoDataWarning, stacklevel=2)\n"
                 "    warnings.warn('ok', category=core.FineWarning)\n"
                 "    w('ok', core.AEFWarning)\n"),
    })
    found = [p for p in layout_check.check(root, quiet=True) if p.startswith("warning outside the family")]
    assert [p.split(" warnings.warn")[0].rsplit(":", 1)[1] for p in found] == ["6", "7", "8", "9"], found
    assert "alphaearth_nb/a.py:6 warnings.warn gives no category (a plain UserWarning)" in found[0]
    assert "gives category UserWarning" in found[1] and "gives category core.LoneWarning" in found[3]
    assert "pass category= the core warning class of its kind (core.FineWarning, core.NoDataWarning)" in found[0]
