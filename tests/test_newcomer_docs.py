"""What a newcomer reads first agrees with the package: README's "What is inside" names every module (session 36
split `commands` into command_inputs/train_cmd/embed_cmd/evaluate_cmd and `units` into declared_units/unit_samples,
and `pixels` came out of `gate`, none of them listed), and every tutorial imports alphaearth_nb before pandas,
xarray and geopandas, as README says (`runtime.keep_heap`): tutorial 01 imported them first, so its `fit` cell gave
the package's own PerformanceWarning 'pandas and xarray (and so pyarrow) were imported before alphaearth_nb'."""
import ast
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = {"pandas", "xarray", "geopandas"}   # pyarrow's importers (runtime._FIRST)


def test_readme_names_every_module():
    text = (ROOT / "README.md").read_text()
    inside = text.split("## What is inside", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`(\w+)`", inside))
    public = {p.stem for p in (ROOT / "alphaearth_nb").glob("*.py") if not p.name.startswith("_")}
    assert public <= named, f"README's 'What is inside' leaves out {sorted(public - named)}: add them to nbs/index.ipynb"


def _imports(src: str) -> list[str]:
    "Top-level module names a cell imports, in order (`!pip` and `%magic` lines left out)."
    code = "\n".join(l for l in src.splitlines() if not l.lstrip().startswith(("!", "%")))
    out = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import): out += [(node.lineno, a.name.split(".")[0]) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module: out.append((node.lineno, node.module.split(".")[0]))
    return [m for _, m in sorted(out)]


def test_tutorials_import_the_package_first():
    late = {}
    for nb in sorted((ROOT / "nbs" / "tutorials").glob("*.ipynb")):
        seen = []
        for cell in json.loads(nb.read_text())["cells"]:
            if cell["cell_type"] == "code": seen += _imports("".join(cell["source"]))
        if "alphaearth_nb" not in seen: continue
        first = seen.index("alphaearth_nb")
        if before := sorted(HEAVY & set(seen[:first])): late[nb.name] = before
    assert not late, f"these tutorials import {late} before alphaearth_nb: import it first (README, runtime.keep_heap)"


def test_readme_says_why_the_local_mirrors_change_is_mostly_zero():
    "The README snippet's change map on the offline mirror is 0 on over half its pixels (median 0.0, p90 0.37): said so."
    text = (ROOT / "README.md").read_text()
    line = text.split("chg = e23.aef.change(e24)", 1)[1].split("\n", 2)[1]
    assert "local mirror" in line and "0 on most of its pixels" in line, line


def test_readme_mirror_line_runs_twice(tmp_path, monkeypatch):
    "The README snippet's build_local_mirror line, run a second time (a rerun of the cell), raised OutputExistsError."
    import pytest
    text = (ROOT / "README.md").read_text()
    line = next(l for l in text.splitlines() if l.startswith("source = aef.official.build_local_mirror("))
    call = re.match(r"source = (aef\.official\.build_local_mirror\(.*\)\.root)", line).group(1)
    import alphaearth_nb as aef
    try: aef.readers.read_aef_samples()
    except aef.AEFError: pytest.skip("no aef_samples data set")
    monkeypatch.chdir(tmp_path)
    for _ in range(2): root = eval(call, {"aef": aef})   # the second was OutputExistsError
    assert (tmp_path / root / "2024").is_dir()


def test_quickstart_change_prose_matches_what_a_short_run_shows():
    "Tutorial 01 said 'With a trained model the clear-cut stand stands out, and so do the fields whose crop rotated';"
    " `aef demo`'s trained model scored crop_summer <-> crop_winter fields 0.001 (the clearing 0.68): said so now."
    cells = json.loads((ROOT / "nbs" / "tutorials" / "01_quickstart.ipynb").read_text())["cells"]
    prose = next("".join(c["source"]) for c in cells if "## Change between years" in "".join(c["source"]))
    assert "so\ndo the fields whose crop rotated" not in prose and "barely tells" in prose and "aef demo" in prose
