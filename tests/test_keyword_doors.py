"""A misspelt keyword at any public door is `UnknownFieldError` naming the name it likely means, not a bare TypeError
(newcomer s55 finding 9: `aef.official.open(bbox, 2024, sourc=...)`, `read_aef_samples(rot=)`, `load_model(paht=)`,
`load_scene(pth=)`, `join_years(year=)` said Python's words while `embed` and `.aef.*` said 'did you mean').
The walk takes every callable of the map side's modules' `__all__` (exports, earthengine, maps, official, stores: 25
of their functions still said Python's words in s56, `block_mean_direction(facto=2)`, `official.mosaic(resamplin=)`),
every `.aef` method, `aef.__all__`'s functions and the README's and tutorials' calls."""
import importlib, importlib.machinery, inspect, re, sys, types, warnings
from pathlib import Path

import pytest

import alphaearth_nb as aef
from alphaearth_nb.accessor import EmbeddingAccessor, StackAccessor
from alphaearth_nb.core import AEFError, ConfigError, UnknownFieldError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import embedding_from_array, random_unit

ROOT = Path(__file__).resolve().parents[1]
BELOW_CORE = {"band_names"}   # band_labels sits below core: one int parameter, no door to wear
NAMED = ["official.open", "official.tiles", "official.sample_points", "official.fetch_tiles", "official.build_local_mirror",
         "readers.read_aef_samples", "train.load_model", "years.join_years", "load_scene",
         # the map side's doors the tutorials call as methods (`.aef.vectorize`) or README cells: missed by the walk,
         # which reads `aef.module.function(` calls only (newcomer s56 #22, #16)
         "exports.vectorize", "earthengine.load_official", "earthengine.utm_grid", "maps.to_rgba",
         "maps.plot_change_events", "maps.downsample"]
MODULES = ["exports", "earthengine", "maps", "official", "stores"]   # every callable of their `__all__` is walked
# what the walk cannot try with a misspelt keyword, and why: each takes any keyword (**kwargs), handed on
TAKE_ANY = {"preset": "the ModelConfig's fields, whose door names a misspelt one (a training one too: batchsize)",
            "earthengine.ee_initialize": "to ee.Initialize (opt_url=...); tried in test_doors_forwarding_keywords",
            "earthengine.load_stack": "to load_source, whose door names a misspelt one (test_forwarded_...)",
            "maps.explore": "to leafmap.Map (center, zoom, height): test_a_pass_through_keyword_reaches_the_library",
            "maps.ee_layer": "to geemap.Map",
            ".aef.explore": "explorer.explore's, to Explorer (tried below)"}
PROPERTIES = {".aef.embedding"}   # a property: called with nothing
HAND_DOORS = {".aef.validate (stack)": validate_stack}   # a method of (*args, **kwargs) checking its target's names

def _door_of(f, name:str):
    "`(f, its longest keyword)` for a door the walk tries (None: it takes none, `.aef.quantize`); None for one " \
    "taking any keyword (`TAKE_ANY` says why); a door handing them to the package's doors: its and theirs."
    ps = [p for p in inspect.signature(f).parameters.values() if p.name != "self"]
    if hasattr(f, "keywords"): return f, max(f.keywords(), key=len)   # a door handing **kwargs on: `maps.plot`
    if any(p.kind == p.VAR_KEYWORD for p in ps): return None
    return f, max((p.name for p in ps if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)), key=len, default=None)

def _doors():
    "The top-level functions of `aef.__all__`, every `aef.module.function(` the README and tutorials call, every " \
    "callable of `MODULES`' `__all__` (one name each) and every `.aef` method: name -> (callable, longest keyword)."
    text = (ROOT / "README.md").read_text() + "".join(p.read_text() for p in (ROOT / "nbs/tutorials").glob("*.ipynb"))
    names = sorted(set(re.findall(r"aef\.([a-z_]+\.[a-z_]+)\(", text)) | set(NAMED))
    names += [n for n in aef.__all__ if inspect.isfunction(getattr(aef, n)) and n not in BELOW_CORE]
    seen = {}
    for n in names:
        f = aef
        for part in n.split("."): f = getattr(f, part)
        seen.setdefault(id(f), (n, f))
    for m in MODULES:
        mod = importlib.import_module(f"alphaearth_nb.{m}")
        for n in mod.__all__:
            if callable(f := getattr(mod, n)): seen.setdefault(id(f), (f"{m}.{n}", f))
    out, takes_any = {}, set()
    for n, f in seen.values():
        if (d := _door_of(f, n)) is None: takes_any.add(n)
        else: out[n] = d
    for cls, obj in ((EmbeddingAccessor, "embedding"), (StackAccessor, "stack")):
        for n, v in vars(cls).items():
            name = f".aef.{n}" + (" (stack)" if cls is StackAccessor and n == "validate" else "")
            if n.startswith("_") or name in PROPERTIES: continue
            method = getattr(cls(None), n)
            if name in HAND_DOORS: out[name] = (method, _door_of(HAND_DOORS[name], name)[1])
            elif (d := _door_of(v, name)) is None: takes_any.add(name)
            else: out[name] = (method, d[1])
    return out, takes_any

DOORS, TAKES_ANY = _doors()

def test_the_walk_holds_the_named_doors_and_every_map_side_callable():
    assert set(NAMED) <= set(DOORS) | TAKES_ANY and len(DOORS) >= 100
    for m in MODULES:   # each callable of the five `__all__`s is tried (under a name of its own or another's)
        mod = importlib.import_module(f"alphaearth_nb.{m}")
        walked = {id(f) for f, _ in DOORS.values()}
        assert all(id(getattr(mod, n)) in walked or f"{m}.{n}" in TAKE_ANY for n in mod.__all__
                   if callable(getattr(mod, n))), m
    assert {".aef.similarity", ".aef.to_cog", ".aef.vectorize", ".aef.embed", ".aef.validate (stack)"} <= set(DOORS)

def test_what_the_walk_leaves_out_takes_any_keyword():
    """The skip list is the walk's own finding, each with its reason: a name leaves it when its function stops taking
    any keyword (then the walk tries it), and a function taking any keyword is not skipped unexplained."""
    assert TAKES_ANY == set(TAKE_ANY)

@pytest.mark.parametrize("name", sorted(DOORS))
def test_a_misspelt_keyword_names_the_one_meant(name):
    f, longest = DOORS[name]
    if longest is None:   # a door of no keyword refuses any, saying so
        with pytest.raises(UnknownFieldError, match="got an unknown name 'bits': it takes no keyword"): f(bits=8)
        return
    typo = longest[:-1] if len(longest) > 3 else longest + "s"   # 'source' -> 'sourc', 'path' -> 'pat'
    with warnings.catch_warnings(), pytest.raises(UnknownFieldError, match=f"'{typo}' \\(did you mean '{longest}'"):
        warnings.simplefilter("ignore")
        f(**{typo: 1})
    assert issubclass(UnknownFieldError, AEFError)

def test_a_method_door_names_the_method():
    "`.aef.quantize` forwards to `quantize_embedding`: its refusal named `.aef.quantize_embedding`, no method of `.aef`."
    for n in ("quantize", "dequantize", "validate", "similarity"):
        with pytest.raises(UnknownFieldError, match=f"^`.aef.{n}` got an unknown name 'bits'"):
            getattr(EmbeddingAccessor(None), n)(bits=8)

def test_a_class_door_names_the_class():
    "A config dataclass of the map side names itself, as it is called, and the fields it takes."
    with pytest.raises(UnknownFieldError, match=r"^Mirror got an unknown name 'requester_pay' \(did you mean "
                                                r"'requester_pays'\?\): it takes name, index, root, requester_pays"):
        aef.official.Mirror("m", "i", "r", requester_pay=True)
    assert aef.official.Mirror("m", "i", "r", requester_pays=True).requester_pays   # its fields pass as before

def test_a_pass_through_keyword_reaches_the_library(monkeypatch):
    """`maps.explore(obj, **map_kwargs)` hands keywords it does not take to `leafmap.Map` (center, zoom): no door
    refuses them, and a misspelt one of its own is the library's to judge (leafmap takes any keyword)."""
    made = {}
    class Map:
        def __init__(self, **kw): made.update(kw)
        def add_raster(self, img, layer_name): made["layer"] = layer_name
    leafmap = types.ModuleType("leafmap")
    leafmap.Map, leafmap.__spec__ = Map, importlib.machinery.ModuleSpec("leafmap", None)
    monkeypatch.setitem(sys.modules, "leafmap", leafmap)
    e = embedding_from_array(random_unit((4, 4), seed=1))
    aef.maps.explore(e, zoom=5, center=(45.0, 6.0), layer_name="here")
    assert made == {"zoom": 5, "center": (45.0, 6.0), "layer": "here"}

def test_drawing_doors_name_their_keywords_and_those_they_hand_on():
    """`plot_rgb(emb, **rgb_kwargs)` hands them to `rgb`: a misspelt one of its own was `rgb()` refusing it and listing
    rgb's names, never the one meant ('titel': 'title'); `plot` and `plot_years` alike. Now the door itself names it;
    what its targets take still passes."""
    import matplotlib
    matplotlib.use("Agg")
    e = embedding_from_array(random_unit((4, 4), seed=1))
    with pytest.raises(UnknownFieldError, match=r"^plot_rgb\(\) got an unknown name 'titel' \(did you mean 'title'\?\)"):
        aef.maps.plot_rgb(e, titel="x")
    with pytest.raises(UnknownFieldError, match=r"^plot\(\) got an unknown name 'bnd' \(did you mean 'band'\?\)"):
        e.aef.plot(bnd="A01")
    with pytest.raises(UnknownFieldError, match=r"^plot_years\(\) got an unknown name 'ncol' \(did you mean 'ncols'"):
        aef.maps.plot_years(e.expand_dims(time=[2024]), ncol=2)
    assert aef.maps.plot(e, title="t", percentiles=(1, 99), seed=2).get_title() == "t"   # to plot_rgb and rgb
    assert len(aef.maps.plot_years(e.expand_dims(time=[2024]), seed=2, title="t")) == 1

def test_forwarded_keywords_meet_the_next_door():
    "`load_stack(..., **kwargs)` hands them to `load_source`: a misspelt one is named there, with the one meant."
    grid = aef.earthengine.utm_grid(500_000.0, 5_000_040.0, 5, 4)
    with pytest.raises(UnknownFieldError, match=r"load_source\(\) got an unknown name 'cs_treshold' \(did you mean "
                                                r"'cs_threshold'\?\)"):
        aef.earthengine.load_stack(["sentinel2"], 2024, grid, opener=lambda req: None, cs_treshold=0.3)

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
