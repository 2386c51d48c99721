"""A misspelt keyword at any public door is `UnknownFieldError` naming the name it likely means, not a bare TypeError
(newcomer s55 finding 9: `aef.official.open(bbox, 2024, sourc=...)`, `read_aef_samples(rot=)`, `load_model(paht=)`,
`load_scene(pth=)`, `join_years(year=)` said Python's words while `embed` and `.aef.*` said 'did you mean')."""
import inspect, re, warnings
from pathlib import Path

import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import ConfigError, UnknownFieldError

ROOT = Path(__file__).resolve().parents[1]
BELOW_CORE = {"band_names"}   # band_labels sits below core: one int parameter, no door to wear
NAMED = ["official.open", "official.tiles", "official.sample_points", "official.fetch_tiles", "official.build_local_mirror",
         "readers.read_aef_samples", "train.load_model", "years.join_years", "load_scene",
         # the map side's doors the tutorials call as methods (`.aef.vectorize`) or README cells: missed by the walk,
         # which reads `aef.module.function(` calls only (newcomer s56 #22, #16)
         "exports.vectorize", "earthengine.load_official", "earthengine.utm_grid", "maps.to_rgba",
         "maps.plot_change_events", "maps.downsample"]

def _doors():
    "The top-level functions of `aef.__all__` and every `aef.module.function(` the README and tutorials call."
    text = (ROOT / "README.md").read_text() + "".join(p.read_text() for p in (ROOT / "nbs/tutorials").glob("*.ipynb"))
    names = sorted(set(re.findall(r"aef\.([a-z_]+\.[a-z_]+)\(", text)) | set(NAMED))
    names += [n for n in aef.__all__ if inspect.isfunction(getattr(aef, n)) and n not in BELOW_CORE]
    out = {}
    for n in names:
        f = aef
        for part in n.split("."): f = getattr(f, part)
        ps = inspect.signature(f).parameters.values()
        if any(p.kind == p.VAR_KEYWORD for p in ps): continue   # takes any keyword (preset's config fields)
        out[n] = (f, max((p.name for p in ps if p.kind != p.VAR_POSITIONAL), key=len))
    return out

DOORS = _doors()

def test_the_walk_holds_the_named_doors():
    assert set(NAMED) <= set(DOORS) and len(DOORS) >= 30

@pytest.mark.parametrize("name", sorted(DOORS))
def test_a_misspelt_keyword_names_the_one_meant(name):
    f, longest = DOORS[name]
    typo = longest[:-1] if len(longest) > 3 else longest + "s"   # 'source' -> 'sourc', 'path' -> 'pat'
    with warnings.catch_warnings(), pytest.raises(UnknownFieldError, match=f"did you mean '{longest}'"):
        warnings.simplefilter("ignore")
        f(**{typo: 1})

@pytest.mark.parametrize("year", [2024, "2024"])
def test_years_given_as_two_positionals_are_named(year):
    bbox = (5.985, 44.9995, 5.9995, 45.0045)
    with pytest.raises(ConfigError, match=r"looks like a year.*years=\(2023, 2024\).*years=\[2023, 2024\]"):
        aef.official.open(bbox, 2023, year)
    with pytest.raises(ConfigError, match="looks like a year"):
        aef.official.tiles(bbox, 2023, year)

def test_the_year_slip_names_years_that_run():
    """The suggested years= runs: in order (years=(2024, 2023) is refused) and holding every year given."""
    bbox = (5.985, 44.9995, 5.9995, 45.0045)
    with pytest.raises(ConfigError, match=r"years=\(2023, 2024\).*years=\[2023, 2024\]"):
        aef.official.tiles(bbox, 2024, 2023)
    with pytest.raises(ConfigError, match=r"years=\(2022, 2024\).*years=\[2022, 2023, 2024\]"):
        aef.official.tiles(bbox, [2022, 2024], 2023)
    with pytest.raises(ConfigError, match=r"one argument, years=\[2019, 2023\]"):   # no span where years are missing
        aef.official.tiles(bbox, 2019, 2023)

def test_doors_forwarding_keywords_name_the_door():
    """`explore(emb, **kwargs)` forwards to `Explorer.__init__`: a misspelt keyword named the door `__init__()` and
    listed `self` among what it takes; `ee_initialize(**kwargs)` without its project was a bare TypeError (the walk
    skips doors taking any keyword: these two are tried here)."""
    from alphaearth_nb.core import EarthEngineError
    from alphaearth_nb.explorer import Explorer
    with pytest.raises(UnknownFieldError, match="did you mean 'threshold'") as e:
        Explorer(None, treshold=0.5)
    assert "Explorer()" in str(e.value) and "__init__" not in str(e.value) and "self" not in str(e.value)
    with pytest.raises(EarthEngineError, match=r"ee_initialize\(project='your-cloud-project'\)"):
        aef.earthengine.ee_initialize()
