"README's In Python section says what `make` (the `dev` extra) installs of the extras its official snippet names."
import importlib.metadata as md, re, tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def _names(reqs):   # 'leafmap>=0.40' -> 'leafmap'; 'shapely>=2 ; extra == "x"' -> 'shapely'
    return {re.split(r"[<>=!~\[ ;(]", r, maxsplit=1)[0].lower().replace("_", "-") for r in reqs}

def _needs(name):   # what an installed package requires (its own dependencies): geopandas -> shapely, ...
    try: return _names(r for r in (md.requires(name) or []) if "extra ==" not in r)
    except md.PackageNotFoundError: return set()

def test_readme_names_what_dev_leaves_out():
    "Each package of the `official` and `maps` extras that `make` (`dev`) does not install is named in the README."
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    dev = _names(extras["dev"]) | _names(project["dependencies"])
    installed = dev | {n for p in dev for n in _needs(p)}   # geopandas brings shapely
    left_out = (_names(extras["official"]) | _names(extras["maps"])) - installed
    text = (ROOT / "README.md").read_text()
    start = text.index("## In Python")
    section = text[start:text.index("```python", start)]   # the paragraph before the official snippet
    if not left_out: return   # dev installs every package of both: nothing to name
    assert [n for n in sorted(left_out) if n not in section] == [], section   # was: 'make installs them with dev'
    assert "installs them with `dev`" not in section
