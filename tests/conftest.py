import http.server
import importlib
import importlib.util
import io
import json
import logging
import os
import re
import subprocess
import sys
import threading
import tokenize
import types
import warnings
from collections import namedtuple
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import nn, official
from alphaearth_nb.core import band_names
from alphaearth_nb.exports import to_cog, to_zarr
from alphaearth_nb.runtime import compile_cache, compiler_options
from alphaearth_nb.quantize import dequantize
from alphaearth_nb.stacks import to_frames
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.timecodes import period_features, to_ms

os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("AEF_KEEP_HEAP", "0")  # glibc's defaults here: `fit` would keep the heap (runtime.keep_heap),
                                            # and the tests compile more than they step
_CACHE = compile_cache()  # compiled programs are reused across test runs; AEF_COMPILE_CACHE=0 turns this off
if _CACHE is not None:   # and by the processes the tests start (aef, `python -c`, fresh imports): JAX reads these at import
    os.environ.setdefault("JAX_COMPILATION_CACHE_DIR", str(_CACHE))
    os.environ.setdefault("JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS", "0.5")
ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("AEF_SHARED_DATA", ROOT.parent / "shared" / "data"))
SAMPLES = ROOT / "alphaearth_nb" / "data"


def pytest_collection_modifyitems(config, items):
    """Test files in the order `make test` hands them to its two workers (--dist loadfile --no-loadscope-reorder):
    files holding a test marked slow first, then the others, each group by its number of tests (xdist's own order).
    xdist's order alone sent the one-test files last, among them the browser test (~50 s), which one worker then ran
    alone at the end. Tests of one file keep their order."""
    files = {}
    for item in items: files.setdefault(item.nodeid.split("::")[0], []).append(item)
    slow = {f for f, its in files.items() if any(it.get_closest_marker("slow") for it in its)}
    items[:] = [it for f in sorted(files, key=lambda f: (f not in slow, -len(files[f]))) for it in files[f]]


@pytest.fixture(scope="session")
def split_module_check():
    """`check(name, cap)`: the package module `name` holds under `cap` lines and no statement joined with ';' (what
    helpers once did to fit the 600-line limit), the rule of each module split to stay under it."""
    def check(name: str, cap: int):
        src = Path(importlib.import_module(f"alphaearth_nb.{name}").__file__).read_text()
        assert len(src.splitlines()) < cap, name
        joined = [t.start[0] for t in tokenize.generate_tokens(io.StringIO(src).readline)
                  if t.type == tokenize.OP and t.string == ";"]
        assert not joined, (name, joined[:3])
    return check


@pytest.fixture(scope="session")
def one_class_fix_runs():
    """`check(emb, labels, v, want_call)`: classify of a label raster of one class (pixels (1, 2) and (3, 4) of
    `emb`, whose vectors are `v`) raises the one-class `LabelError` whose similarity call is `want_call`, and that
    call, run as written on (emb, labels), gives the cosine with those pixels' mean."""
    from alphaearth_nb.core import LabelError
    def check(emb, labels, v, want_call):
        with pytest.raises(LabelError) as e:
            emb.aef.classify(labels, method="linear")
        said = str(e.value)
        assert "label pixels of another class too" in said and "sample(points)" not in said, said
        call = said.split("`")[-2]
        assert call == want_call, call
        *first, last = call.split("; ")   # `v = <the mean>; emb.aef.similarity(v / np.linalg.norm(v))`
        ns = {"emb": emb, "labels": labels, "np": np}
        with warnings.catch_warnings():
            warnings.simplefilter("error")   # made unit: no gate warning of an averaged query (session 49)
            for line in first: exec(line, ns)
            sim = eval(last, ns)
        m = (v[1, 2] + v[3, 4]) / 2
        np.testing.assert_allclose(sim.values, v @ m / np.linalg.norm(v, axis=-1) / np.linalg.norm(m), atol=1e-6)
    return check


@pytest.fixture(scope="session")
def shared_data() -> Path:
    "The real data sets beside the repository; tests that need them skip when the folder is absent."
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data not found at {SHARED_DATA}: put ../shared/data beside the clone or set AEF_SHARED_DATA")
    return SHARED_DATA


TWO_YEAR_BBOX = (5.985, 44.9995, 5.9995, 45.0045)   # lon/lat: 117 x 60 pixels of 10 m in EPSG:32631, near the 31N/32N line


@pytest.fixture(scope="module")
def two_year_cogs(tmp_path_factory, shared_data):
    """A local official mirror (2023, 2024) built from the shared AlphaEarth samples, the area `TWO_YEAR_BBOX` opened
    from it in EPSG:32631 (`cube`, computed) and its two years written as COGs `e2023.tif`, `e2024.tif` (`to_cog` of
    `cube.isel(time=i)`): returns (folder, cube). For the map commands' and the years' tests."""
    root = tmp_path_factory.mktemp("two_years")
    mirror = official.build_local_mirror(root / "mirror", years=(2023, 2024), samples=shared_data / "aef_samples").root
    cube = official.open(TWO_YEAR_BBOX, (2023, 2024), crs="EPSG:32631", source=mirror).compute()
    for i, y in enumerate((2023, 2024)): to_cog(cube.isel(time=i), root / f"e{y}.tif")
    return root, cube


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    "The committed offline sample scene (package data)."
    return SAMPLES


@pytest.fixture(scope="module")
def crop():
    "The committed sample scene's first stack, its north-west 40 x 40 pixels (a stack to slip one source into), its " \
    "clouds masked: NaN where the `cloud` layer flags a pixel, the layer dropped (the tests that use it do arithmetic " \
    "on whole sources, which would shift a kept layer too, and judge units off the clear values, as before session 41)."
    from alphaearth_nb.scene import load_scene
    from alphaearth_nb.stacks import CLOUD
    kids = {k: v.to_dataset() for k, v in load_scene()[0].isel(y=slice(0, 40), x=slice(0, 40)).children.items()}
    return xr.DataTree.from_dict({k: ds.drop_vars(CLOUD).where(ds[CLOUD] == 0) if CLOUD in ds else ds
                                  for k, ds in kids.items()})


@pytest.fixture(scope="module")
def emb():
    "A 7 x 6 embedding of random unit vectors with two no-data pixels (test files may define their own)."
    e = embedding_from_array(random_unit((7, 6), seed=0))
    e[0, 0] = np.nan
    e[3, 4] = np.nan
    return e



@pytest.fixture(scope="session")
def utm_emb():
    """`utm_emb(seed)`: a 12 x 12 embedding of random unit vectors (`random_unit`, that seed) on
    `embedding_from_array`'s grid, said in EPSG:32631 (UTM 31N, 10 m pixels), for places put on a map in metres.
    (test_naive_geodataframe_places, test_several_place_queries, test_wkt_lists: was the same fixture in each.)"""
    def make(seed:int):
        e = embedding_from_array(random_unit((12, 12), seed=seed))
        e.attrs["crs"] = "EPSG:32631"
        return e
    return make


@pytest.fixture(scope="session")
def pixel_points():
    """`pixel_points(e, n=40, seed=0, classes=(1, 2))`: a GeoDataFrame of `n` points on random pixel centres of map
    `e` (rows, then columns, drawn by `np.random.default_rng(seed)`), in its CRS, labelled `classes[0]` west of its
    middle column and `classes[1]` from it. (test_vector_layers, test_zip_in_folder, test_cli_point_table_labels,
    test_cli_vector_labels, labelled_store: was a copy in each.)"""
    gpd = pytest.importorskip("geopandas")
    def make(e, n:int=40, seed:int=0, classes:tuple=(1, 2)):
        rng = np.random.default_rng(seed)
        r, c = rng.integers(0, e.sizes["y"], n), rng.integers(0, e.sizes["x"], n)
        return gpd.GeoDataFrame({"label": np.where(c < e.sizes["x"] // 2, *classes)},
                                geometry=gpd.points_from_xy(e.x.values[c], e.y.values[r]), crs=e.attrs["crs"])
    return make


@pytest.fixture(scope="session")
def fine_labels():
    """A sparse label raster finer than its map: `.cells`, (row, col, class) of 4 pixels of `.map()`, a 30 x 30 map of
    10 m pixels (UTM 31N, random unit vectors); `.fine(res, values=None)`, a `res` m label raster over it, NaN but the
    cell at each listed pixel's north-west corner (not its centre), holding its class or the matching `values`."""
    cells = ((2, 2, 1), (5, 7, 2), (15, 15, 1), (27, 26, 2))
    def map_():
        return xr.DataArray(random_unit((30, 30), seed=3), dims=("y", "x", "band"),
                            coords={"y": np.arange(30)[::-1] * 10.0 + 5_000_005, "x": np.arange(30) * 10.0 + 500_005,
                                    "band": band_names()}, attrs={"crs": "EPSG:32631"})
    def fine(res, values=None):
        n = int(300 / res)
        a = np.full((n, n), np.nan)
        for (r, c, _), v in zip(cells, values or [v for *_, v in cells]):
            a[int(r * 10 / res), int(c * 10 / res)] = v
        return xr.DataArray(a, dims=("y", "x"), coords={"y": 5_000_300 - (np.arange(n) + 0.5) * res,
                                                       "x": 500_000 + (np.arange(n) + 0.5) * res}, attrs={"crs": "EPSG:32631"})
    return types.SimpleNamespace(cells=cells, map=map_, fine=fine)


@pytest.fixture
def demo_scene_figure(tmp_path, monkeypatch):
    """The figure `aef demo` saves as scene.png for the sample scene (`scene.load_scene`), each year's embedding a
    random map of its 150 x 150 pixels (loss.png not drawn): `demo._pictures` as the demo calls it."""
    from alphaearth_nb import demo, scene, train
    saved = {}
    monkeypatch.setattr(demo, "_save", lambda fig, path: saved.setdefault(path.name, fig))
    monkeypatch.setattr(train, "plot_history", lambda hist, path: None)
    embs = {y: embedding_from_array(random_unit((150, 150), seed=y)) for y in (2023, 2024)}
    demo._pictures(tmp_path, scene.load_scene()[0], embs, [{"loss": 1.0}])
    return saved["scene.png"]


@pytest.fixture(scope="module")
def two_blobs():
    "A 4 x 4 embedding: the left two columns near one direction, the right two near another; and that truth (0, 1)."
    c = random_unit((2,), seed=1)
    truth = np.tile([0, 0, 1, 1], (4, 1))
    pix = c[truth] + 0.05 * random_unit((4, 4), seed=3)
    return embedding_from_array(pix / np.linalg.norm(pix, axis=-1, keepdims=True)), truth


@pytest.fixture
def official_forms():
    """The official product as readers give it, a 4 x 4 pixel field of random values (EPSG:32631, 10 m): xee's A00..A63
    variables (time, y, x), a (band, y, x) tile and rioxarray's band_1..band_64 (long_name A00..A63)."""
    rng = np.random.default_rng(0)
    y, x = 5e6 - 10 * np.arange(4) - 5, 5e5 + 10 * np.arange(4) + 5
    names = [f"A{i:02d}" for i in range(64)]
    xee = xr.Dataset({n: (("time", "y", "x"), rng.uniform(-.2, .2, (1, 4, 4)).astype("f4")) for n in names},
                     coords=dict(time=pd.to_datetime(["2024-01-01"]), y=y, x=x), attrs={"crs": "EPSG:32631"})
    tile = xr.DataArray(rng.uniform(-.2, .2, (64, 4, 4)).astype("f4"), dims=("band", "y", "x"),
                        coords=dict(band=names, y=y, x=x), attrs={"crs": "EPSG:32631"})
    rio = xr.Dataset({f"band_{i + 1}": (("y", "x"), tile.values[i], {"long_name": n}) for i, n in enumerate(names)},
                     coords=dict(y=y, x=x))
    return xee, tile, rio


@pytest.fixture(scope="session")
def class_map():
    """`class_map(a, **attrs)`: the 2-D array `a` as a (y, x) class map on a 10 m grid in EPSG:32631 (`attrs` added,
    e.g. `class_names=` or `flag_values=`/`flag_meanings=`), as `map_to_cog` takes it."""
    from alphaearth_nb.geo import grid_coords
    def make(a, **attrs):
        a = np.asarray(a)
        return xr.DataArray(a, dims=("y", "x"), coords=grid_coords(*a.shape), name="class",
                            attrs={"crs": "EPSG:32631", **attrs})
    return make


@pytest.fixture(scope="session")
def worldcereal_soil(shared_data):
    """`worldcereal_soil(plus)`: a sentinel2 Dataset (time, y, x) of B2..B12, float32, the WorldCereal patch's bright
    bare-soil crop (rows 32..47, columns 80..95; L2A, no offset: its README) on 2020-11-01, 2021-03-01 and 2021-06-01,
    frame i + `plus[i]` (1000: the values read as Sentinel-2's offset of baseline 04.00)."""
    p = shared_data / "worldcereal_patch" / "worldcereal_preprocessed_inputs.nc"
    if not p.exists(): pytest.skip(f"no WorldCereal patch at {p}")
    t = [0, 4, 7]
    with xr.open_dataset(p) as nc: crop = nc.isel(t=t, y=slice(32, 48), x=slice(80, 96)).load()
    s2 = {"B2": "B02", "B3": "B03", "B4": "B04", "B8": "B08", "B11": "B11", "B12": "B12"}
    def make(plus):
        plus = np.asarray(plus, "float32")[:, None, None]
        return xr.Dataset({b: (("time", "y", "x"), crop[f"S2-L2A-{v}"].values.astype("float32") + plus)
                           for b, v in s2.items()},
                          coords={"time": crop["t"].values, "y": crop["y"].values, "x": crop["x"].values})
    return make


@pytest.fixture(scope="session")
def zone_edge():
    """`zone_edge(crs="EPSG:32631")` -> `(e, X, Y)`: a 30 x 40 embedding of random unit vectors (seed 3) by UTM zone
    31N's east edge near 45 N, of 10 m pixels in zone 31N (x from 734,005 m, about 5.99 E) or, for "EPSG:4326",
    of about 10 m in lon/lat from 6.0 E (an Earth Engine export at scale 10); and X, Y the EPSG:32632 x / y (the next
    zone) of its pixels `zone_edge.rows`, `zone_edge.cols`: (3, 5), (10, 30), (20, 12), (25, 38)."""
    from pyproj import Transformer
    rows, cols = np.array([3, 10, 20, 25]), np.array([5, 30, 12, 38])
    def make(crs="EPSG:32631"):
        res = 10.0 if crs == "EPSG:32631" else 8.983152841195214e-05
        y0, x0 = (4_985_000, 734_000) if crs == "EPSG:32631" else (45.0, 6.0)
        e = xr.DataArray(random_unit((30, 40), seed=3), dims=("y", "x", "band"),
                         coords={"y": y0 + (np.arange(30)[::-1] + 0.5) * res, "x": x0 + (np.arange(40) + 0.5) * res,
                                 "band": band_names()}, attrs={"crs": crs})
        X, Y = Transformer.from_crs(crs, "EPSG:32632", always_xy=True).transform(e.x.values[cols], e.y.values[rows])
        return e, X, Y
    make.rows, make.cols = rows, cols
    return make


@pytest.fixture
def gdal_reads(tmp_path):
    """`gdal_reads(path)`: what GDAL read for band 1 of the raster at `path`, `(category names, attribute table rows)`
    (a VRT copy of the file, in `tmp_path`, writes out the category names and attribute table GDAL found)."""
    import xml.etree.ElementTree as ET
    shutil = pytest.importorskip("rasterio.shutil")
    def reads(path):
        vrt = tmp_path / "copy.vrt"
        shutil.copy(path, vrt, driver="VRT")
        band = ET.parse(vrt).getroot().find("VRTRasterBand")
        cats = [c.text or "" for c in band.iterfind("CategoryNames/Category")]
        rows = [[f.text for f in r.iterfind("F")] for r in band.iterfind("GDALRasterAttributeTable/Row")]
        vrt.unlink()
        return cats, rows
    return reads


@pytest.fixture(scope="session")
def written_at():
    """`written_at(mirror, year, zone, x, y)`: the float vector a local mirror (`mirrors.build_local_mirror`) wrote at
    (x, y) in `zone`'s CRS for `year`, or None where the zone has no tile there."""
    def at(mir, year, zone, x, y):
        for p, (codes, t, _) in mir.written.items():
            if f"/{year}/{zone}/" not in p: continue
            c, r = (int(np.floor(v)) for v in ~t @ (x, y))
            if 0 <= r < codes.shape[0] and 0 <= c < codes.shape[1]: return np.asarray(dequantize(codes[r, c]))
        return None
    return at


@pytest.fixture(scope="session")
def said_as():
    """`said_as(fn, uid=65534)`: what `fn()` raised, as '<class>: <message>' (or 'no error'), run as user `uid`
    (`nobody` by default) in a forked child when this is root, so that folder permissions hold (root passes them
    all); run here as this user otherwise. For the tests of read-only folders and stores."""
    def said(fn, uid=65534) -> str:
        if os.geteuid() != 0:
            try: fn(); return "no error"
            except Exception as e: return f"{type(e).__name__}: {e}"
        r, w = os.pipe()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)   # JAX: fork of a multithreaded process (the child runs no JAX)
            pid = os.fork()
        if pid == 0:
            try:
                os.setgid(uid); os.setuid(uid)
                try: fn(); out = "no error"
                except Exception as e: out = f"{type(e).__name__}: {e}"
                os.write(w, out.encode())
            finally: os._exit(0)
        os.close(w); os.waitpid(pid, 0)
        out = os.read(r, 1 << 16).decode(); os.close(r)
        return out
    return said


# `python -c CODE` for many CODEs at the cost of one interpreter's start: a server process imports numpy and JAX (what
# every case imports first: `import alphaearth_nb` loads runtime, which imports JAX; 1.1 of a case's ~1.5 s of CPU),
# starts no JAX backend, and forks a child per case that runs CODE as `python -c` would (a new __main__, argv ['-c'],
# stdout and stderr to files). What the cases judge is never loaded before their code: the package, xarray, dask,
# matplotlib, zarr (the server refuses to start otherwise), so an import that loads one shows in the child as before.
_PY_SERVER = r'''
import json, os, signal, sys, time, traceback, types
import numpy, jax, jax.numpy
JUDGED = ("alphaearth_nb", "xarray", "dask", "matplotlib", "zarr")
early = sorted(m for m in sys.modules if m.split(".")[0] in JUDGED)
if early: sys.exit(f"run_py's server loaded {early[:5]} before any case: the cases would not see them load")
def case(code, out, err):
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)   # the requests' pipe is the server's alone
    for fd, path in ((1, out), (2, err)): os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), fd)
    sys.argv[:] = ["-c"]
    main = sys.modules["__main__"] = types.ModuleType("__main__")
    try: exec(compile(code, "<string>", "exec"), vars(main)); rc = 0
    except SystemExit as e: rc = e.code if isinstance(e.code, int) else (e.code is not None)
    except BaseException: traceback.print_exc(); rc = 1
    sys.stdout.flush(); sys.stderr.flush()
    return rc
print("READY", flush=True)
for line in sys.stdin:
    code, out, err, timeout = json.loads(line)
    pid = os.fork()
    if pid == 0: os._exit(case(code, out, err))
    t = time.monotonic()
    while (done := os.waitpid(pid, os.WNOHANG))[0] == 0:
        if time.monotonic() - t > timeout: os.kill(pid, signal.SIGKILL)
        time.sleep(0.005)
    print(json.dumps(os.waitstatus_to_exitcode(done[1])), flush=True)
'''


@pytest.fixture(scope="session")
def run_py(tmp_path_factory):
    """`run_py(code)`: what a new `python -c code` (this interpreter) printed last, read as JSON; its stderr's
    tail the failure where it exits non-zero. For what an import does to a process (sys.modules, sys.meta_path).
    Each code runs in a child forked from `_PY_SERVER` (numpy and JAX imported, nothing the cases judge)."""
    d, server, n = tmp_path_factory.mktemp("run_py"), [], iter(range(1 << 30))
    def run(code: str, timeout: float = 300):
        if not server:
            server.append(subprocess.Popen([sys.executable, "-c", _PY_SERVER], stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, text=True))
            assert server[0].stdout.readline().strip() == "READY", "run_py's server did not start"
        i = next(n)
        out, err = d / f"{i}.out", d / f"{i}.err"
        server[0].stdin.write(json.dumps([code, str(out), str(err), timeout]) + "\n"); server[0].stdin.flush()
        rc = json.loads(server[0].stdout.readline())
        said = err.read_text() if err.exists() else ""
        assert rc == 0, said[-2000:]
        return json.loads(out.read_text().strip().splitlines()[-1])
    yield run
    if server:
        server[0].stdin.close(); server[0].wait(60)


@pytest.fixture(scope="session")
def strict_times():
    """`strict_times(values)`: `timecodes.to_ms(values)` as datetime64[ms], every warning an error (pandas' per-value
    'Could not infer format' would fail the test)."""
    def read(values):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return to_ms(values).astype("datetime64[ms]")
    return read


@pytest.fixture(scope="session")
def reexported():
    """`reexported(new, old, names)`: assert that a module split keeps the old import path: each of `names` is one
    object in module `new` (where it lives now) and module `old` (re-exported there), and in both `__all__`."""
    def check(new, old, names):
        new, old = (importlib.import_module(f"alphaearth_nb.{m}") for m in (new, old))
        for n in names:
            assert getattr(old, n) is getattr(new, n), n
            assert n in old.__all__ and n in new.__all__, n
        return new, old
    return check

@pytest.fixture(scope="session")
def depthwise_entry():
    """`entry(shape)`: the CPU program of Norm, depthwise3, Norm forward and backward on `shape` (N, h, w, c), compiled
    with the step's options, its ENTRY only (parameters 0 the input, 1 the kernel, 2 the cotangent); and
    `entry.fusions_reading(text, i)`: the fusions of that ENTRY that read parameter `i` (kernels reading it)."""
    def entry(shape) -> str:
        c = shape[-1]
        n1, n2 = nn.Norm(c), nn.Norm(c)
        def fn(x, w, g):
            y, back = jax.vjp(lambda x, w: n2(nn.depthwise3(n1(x), w, jnp.zeros(c))), x, w)
            return y, back(g)
        x = jax.ShapeDtypeStruct(shape, jnp.float32)
        with nn.traced_for("cpu"):
            text = jax.jit(fn).lower(x, jax.ShapeDtypeStruct((3, 3, c), jnp.float32), x).compile(
                compiler_options("cpu", step=True)).as_text()
        return text[text.index("\nENTRY"):]
    def fusions_reading(text: str, i: int) -> list:
        p = re.findall(rf"^\s*%([\w.\-]+) = f32\[[\d,]+\]\{{[\d,]+\}} parameter\({i}\)", text, re.M)[0]
        return re.findall(rf"^\s*%([\w.\-]+) = \S+ fusion\([^\n]*%{re.escape(p)}[,)]", text, re.M)
    entry.fusions_reading = fusions_reading
    return entry


OWN_AREA = (5.985, 44.9995, 5.99, 45.0015)   # lon/lat box of about 400 x 220 m in UTM zone 31N, on the shared samples


@pytest.fixture(scope="module")
def own_grid(tmp_path_factory, shared_data):
    """The official product on its own grid, for the tests of `official.open` asked for that grid: `.mirror`, a local
    mirror of 2024 (`official.build_local_mirror` of the shared samples), `.area` (`OWN_AREA`), `.open(**kw)`,
    `official.open` of that area and year from the mirror (chunks=32), `.native`, that with no grid asked (the tiles'
    own pixels, computed), and `.assert_native(cube)`: `cube` has native's CRS, x, y and values, bit for bit (NaN
    where NaN). Needs rioxarray and odc-geo (the calling module skips without them)."""
    mirror = official.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=(2024,),
                                         samples=shared_data / "aef_samples")
    def open_(**kw): return official.open(OWN_AREA, 2024, source=mirror.root, chunks=32, **kw)
    native = open_().compute()
    def assert_native(cube):
        assert cube.attrs["crs"] == native.attrs["crs"]
        np.testing.assert_array_equal(cube.x.values, native.x.values)
        np.testing.assert_array_equal(cube.y.values, native.y.values)
        np.testing.assert_array_equal(cube.values, native.values)   # bit-equal, NaN where NaN
    return types.SimpleNamespace(mirror=mirror, area=OWN_AREA, open=open_, native=native, assert_native=assert_native)


@pytest.fixture(scope="module")
def crop_rotation():
    """Two years of an 8 x 10 map and labels that rotate, for the tests of a label table's year column: `.maps`, the
    2022 and 2023 maps (random unit vectors, seeds 5 and 9; 10 m, corner (500000, 5000000), EPSG:32631), `.cube`, the
    two along `time`, `.rows`, field (0, 0) wheat in 2022 and maize in 2023, field (7, 9) the other way round (columns
    x, y, label, value, year), `.want`, the classes k=1 gives at the two fields year by year (by hand: at a labelled
    pixel its own label), and `.assert_each_year(out, pred)`: classify's `out` and regress's values `pred` (k=1) give
    each field its own year's label and value."""
    maps = tuple(embedding_from_array(random_unit((8, 10), seed=s)) for s in (5, 9))
    cube = xr.concat(maps, dim="time").assign_coords(time=pd.to_datetime(["2022-01-01", "2023-01-01"]))
    cube.attrs = dict(maps[0].attrs)
    rows = pd.DataFrame({"x": [500005.0, 500095.0] * 2, "y": [4999995.0, 4999925.0] * 2,
                         "label": ["wheat", "maize", "maize", "wheat"], "value": [1.0, 2.0, 2.0, 1.0],
                         "year": [2022, 2022, 2023, 2023]})
    want = [["wheat", "maize"], ["maize", "wheat"]]
    def assert_each_year(out, pred):
        names, cls = np.asarray(out["class"].attrs["class_names"]), out["class"].values
        assert [[names[cls[t, 0, 0]], names[cls[t, 7, 9]]] for t in range(2)] == want
        np.testing.assert_array_equal(pred[:, [0, 7], [0, 9]], [[1.0, 2.0], [2.0, 1.0]])
    return types.SimpleNamespace(maps=maps, cube=cube, rows=rows, want=want, assert_each_year=assert_each_year)

# ---- the embed stand-in: a small two-source stack and a model with exact seams (tests/test_embed.py and others) ----

TRACES = []  # one entry per trace of the stand-in model


@dataclass(frozen=True)
class _STP:
    patch: int


@dataclass(frozen=True)
class _Cfg:
    stp: _STP
    inputs: tuple
    targets: tuple = ()
    embed_dim: int = 64


class LocalModel(eqx.Module):
    "A stand-in with the model's call signature whose receptive field is 3 x 3 pixels (less than the margin)."
    cfg: _Cfg = eqx.field(static=True)
    w: jax.Array
    wp: jax.Array

    def __init__(self, cfg, n_feat, *, key):
        k1, k2 = jax.random.split(key)
        self.cfg, self.w = cfg, jax.random.normal(k1, (n_feat, cfg.embed_dim))
        self.wp = 0.1 * jax.random.normal(k2, (period_features(jnp.zeros(2)).shape[0], cfg.embed_dim))

    def __call__(self, inputs, periods):
        TRACES.append(1)
        feats = []
        for k in sorted(inputs):
            f = inputs[k]
            m = (f.valid & f.frame[:, None, None, None]).astype(jnp.float32)
            n = m.sum(0)
            feats += [(f.x * m).sum(0) / jnp.maximum(n, 1), (n > 0).astype(jnp.float32)]
        h = jnp.concatenate(feats, -1)
        H, W = h.shape[:2]
        hp = jnp.pad(h, ((1, 1), (1, 1), (0, 0)))
        h = sum(hp[i:i + H, j:j + W] for i in range(3) for j in range(3)) / 9  # the 3 x 3 receptive field
        z = (h @ self.w)[None] + jax.vmap(period_features)(periods)[:, None, None] @ self.wp
        return z / jnp.linalg.norm(z, axis=-1, keepdims=True)


L = 16  # the stand-in's patch
S2 = ("B2", "B3", "B4", "B8", "B11", "B12")
S1 = ("VV", "VH", "angle")


def smooth(rng, shape, scale):
    "A spatially smooth random field (neighbouring pixels alike), float32."
    z = rng.normal(size=shape)
    for ax in (-2, -1):
        for _ in range(3): z = (z + np.roll(z, 1, ax) + np.roll(z, -1, ax)) / 3
    return z.astype(np.float32) * scale


def make_stack(h=40, w=40, seed=0, hole=True):
    "A small two-source stack: 6 Sentinel-2 and 4 Sentinel-1 frames in 2024, clouds, and a corner with no data."
    rng = np.random.default_rng(seed)
    y, x = 5_000_000 - 10 * np.arange(h) - 5.0, 400_000 + 10 * np.arange(w) + 5.0
    t2 = np.array(["2024-01-10", "2024-03-01", "2024-05-05", "2024-07-01", "2024-09-09", "2024-11-30"], "datetime64[ns]")
    t1 = np.array(["2024-02-02", "2024-04-04", "2024-08-08", "2024-10-10"], "datetime64[ns]")
    s2 = {b: (("time", "y", "x"), 1000 + smooth(rng, (len(t2), h, w), 3000) + 300 * i) for i, b in enumerate(S2)}
    s1 = {b: (("time", "y", "x"), -12 + smooth(rng, (len(t1), h, w), 10)) for b in S1[:2]}
    s1["angle"] = (("time", "y", "x"), np.full((len(t1), h, w), 0.6, np.float32))
    ds2 = xr.Dataset(s2, coords={"time": t2, "y": y, "x": x}, attrs={"crs": "EPSG:32631"})
    ds1 = xr.Dataset(s1, coords={"time": t1, "y": y, "x": x, "ascending": ("time", np.array([1.0, 0.0, 1.0, 0.0]))},
                     attrs={"crs": "EPSG:32631"})
    cloud = rng.random((len(t2), h, w)) < 0.3
    ds2 = ds2.where(~xr.DataArray(cloud, dims=("time", "y", "x")))
    if hole:  # no data at all in a corner of the region
        ds2 = ds2.where(~((ds2.y > y[6]) & (ds2.x > x[w - 9])))
        ds1 = ds1.where(~((ds1.y > y[6]) & (ds1.x > x[w - 9])))
    return xr.DataTree.from_dict({"sentinel2": ds2.astype(np.float32), "sentinel1": ds1.astype(np.float32)})


def model_on(stack):
    "The stand-in for a stack with Sentinel-1 and -2 (its other sources: targets the stand-in ignores)."
    inputs = ("sentinel1", "sentinel2")
    cfg = _Cfg(_STP(L), inputs, tuple(s for s in stack.children if s not in inputs) or ("dem",))
    probe = to_frames(stack.isel(y=slice(0, 8), x=slice(0, 8)), list(inputs))
    n_feat = 2 * sum(f.x.shape[-1] for f in probe.values())
    return LocalModel(cfg, n_feat, key=jax.random.key(0))


@pytest.fixture(scope="session")
def embed_standin():
    """`make_stack(h=40, w=40, seed=0, hole=True)`: a small Sentinel-1/-2 stack (2024, EPSG:32631, 10 m);
    `model_on(stack)`: the local stand-in model for it (patch `patch`, a 3 x 3 receptive field, so seams are exact);
    `traces`: one entry per trace of a stand-in."""
    return types.SimpleNamespace(make_stack=make_stack, model_on=model_on, traces=TRACES, patch=L)


Request = namedtuple("Request", "method path agent status size")   # one request to `serve_folder`: size = body bytes


class _Folder(http.server.SimpleHTTPRequestHandler):
    "Serves a folder with HTTP range requests (GET) and logs every request; `refuse`: a User-Agent prefix -> 403."
    def __init__(self, *a, log, refuse, **kw):
        self.log, self.refuse = log, refuse            # before super().__init__, which answers the request
        super().__init__(*a, **kw)
    def log_message(self, *a): pass
    def _file(self):
        "The requested file, or None once an error is sent (403 for a refused User-Agent, 404 for no such file)."
        agent, p = self.headers.get("User-Agent"), Path(self.translate_path(self.path))
        status = 403 if self.refuse and (agent or "").startswith(self.refuse) else 200 if p.is_file() else 404
        if status == 200: return p
        self.log.append(Request(self.command, self.path, agent, status, 0)); self.send_error(status)
    def do_HEAD(self):
        if (p := self._file()) is None: return
        self.log.append(Request("HEAD", self.path, self.headers.get("User-Agent"), 200, 0))
        self.send_response(200); self.send_header("Content-Length", str(p.stat().st_size))
        self.send_header("Accept-Ranges", "bytes"); self.end_headers()
    def do_GET(self):
        if (p := self._file()) is None: return
        data, rng = p.read_bytes(), self.headers.get("Range")
        status, whole = 200, None
        if rng:
            a, b = rng.split("=")[1].split(",")[0].split("-")
            a, b = int(a), min(int(b) if b else len(data) - 1, len(data) - 1)
            status, whole, data = 206, f"bytes {a}-{b}/{len(data)}", data[a:b + 1]
        # logged before the answer, so the client never sees a byte before its request is in the log
        self.log.append(Request("GET", self.path, self.headers.get("User-Agent"), status, len(data)))
        self.send_response(status)
        if whole: self.send_header("Content-Range", whole)
        self.send_header("Content-Length", str(len(data))); self.send_header("Accept-Ranges", "bytes")
        self.end_headers(); self.wfile.write(data)


@pytest.fixture(scope="module")
def small_mirror(tmp_path_factory):
    """`small_mirror(years)`: a local official mirror (`official.build_local_mirror`: 96 px 64-band int8 tiles in
    zones 31N and 32N) of `years`, from 24 random unit vectors of 3 classes (`dw_label`); needs geopandas,
    rioxarray and odc-geo (the calling module skips without them)."""
    def make(years):
        v = np.random.default_rng(0).normal(size=(24, 64)).astype(np.float32)
        df = pd.DataFrame(v / np.linalg.norm(v, axis=1, keepdims=True), columns=band_names())
        df["dw_label"] = np.arange(24) % 3
        return official.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=tuple(years), samples=df)
    return make


@pytest.fixture
def serve_folder():
    """`serve_folder(root, refuse=None)`: the folder `root` served on 127.0.0.1 with HTTP range requests (a remote
    mirror or COG for the tests), as `.url` ('http://127.0.0.1:PORT/') and `.log` (every request, in order:
    `Request(method, path, agent, status, size)`, size the body's bytes); `refuse`: a User-Agent prefix answered 403,
    like a mirror that refuses Python's default 'Python-urllib'. The servers stop at the test's end."""
    servers = []
    def serve(root, refuse=None):
        log = []
        srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Folder, directory=str(root), log=log,
                                                                        refuse=refuse))
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
        return types.SimpleNamespace(url=f"http://127.0.0.1:{srv.server_address[1]}/", log=log)
    yield serve
    for srv in servers: srv.shutdown(); srv.server_close()


# Fresh imports of the package under several environments, for a tenth of the cost of a process each: one process
# imports the package once (its dependencies are the seconds), without starting JAX's backend, then forks a child per
# case; the child drops the package from sys.modules, sets the case's environment and runs the case's code, whose
# `import alphaearth_nb` is then a fresh import as in a new process (its import-time settings read this environment).
# Not for what a new process differs in beyond that: `python -m`'s argv, glibc's arenas (threads' heaps), ...
_FRESH = r'''
import json, os, sys, traceback
import alphaearth_nb
DROP = json.loads(sys.argv[1])
def case(code, env, out, err):
    for k in [m for m in sys.modules if m == "alphaearth_nb" or m.startswith("alphaearth_nb.")]: del sys.modules[k]
    sys.meta_path[:] = [f for f in sys.meta_path if getattr(f, "__module__", "") != "alphaearth_nb"]
    import xarray as xr   # the `.aef` accessors go too: registered again, xarray would warn of an override
    for cls in (xr.Dataset, xr.DataArray, getattr(xr, "DataTree", None)):
        for name, v in list(vars(cls).items() if cls is not None else ()):
            if str(getattr(getattr(v, "_accessor", None), "__module__", "")).startswith("alphaearth_nb"):
                delattr(cls, name)
    for k in DROP: os.environ.pop(k, None)
    os.environ.update(env)
    for fd, path in ((1, out), (2, err)): os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), fd)
    try: exec(compile(code, "<fresh>", "exec"), {"__name__": "__main__"}); rc = 0
    except SystemExit as e: rc = e.code if isinstance(e.code, int) else (e.code is not None)
    except BaseException: traceback.print_exc(); rc = 1
    sys.stdout.flush(); sys.stderr.flush()
    return rc
done = []
for i, (code, env) in enumerate(json.loads(sys.argv[2])):
    out, err = f"{sys.argv[3]}/{i}.out", f"{sys.argv[3]}/{i}.err"
    sys.stdout.flush(); sys.stderr.flush()
    pid = os.fork()
    if pid == 0: os._exit(case(code, env, out, err))
    done.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
print("FRESH" + json.dumps(done))
'''


def fresh_imports(cases, drop=(), timeout=600):
    """Run each `(code, env)` of `cases` as if in a new process with `env` added to this one's minus `drop` (see
    above): `[CompletedProcess-like (returncode, stdout, stderr)]`, in order."""
    import json, subprocess, sys, tempfile, types
    base = {k: v for k, v in os.environ.items() if k not in drop}
    base.update(PYTHONPATH=str(ROOT), JAX_PLATFORMS="cpu")
    with tempfile.TemporaryDirectory() as d:
        p = subprocess.run([sys.executable, "-c", _FRESH, json.dumps(list(drop)), json.dumps([list(c) for c in cases]),
                            d], env=base, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
        assert p.returncode == 0 and "FRESH" in p.stdout, p.stderr[-3000:]
        codes = json.loads(p.stdout.split("FRESH")[-1])
        read = lambda i, s: (Path(d) / f"{i}.{s}").read_text() if (Path(d) / f"{i}.{s}").exists() else ""
        return [types.SimpleNamespace(returncode=c, stdout=read(i, "out"), stderr=read(i, "err"))
                for i, c in enumerate(codes)]


@pytest.fixture(scope="session")
def fresh():
    "`fresh_imports`: fresh imports of the package under several environments in one process (forked per case)."
    return fresh_imports


def load_file(path, name:str|None=None) -> types.ModuleType:
    """The script at `path` (tools/*.py, benchmarks/*.py: no package) imported as a module named `name` (default: its
    file's stem), its folder on sys.path while it loads, for its own imports (benchmarks import their neighbours)."""
    path = Path(path)
    sys.path.insert(0, str(path.parent))
    try:
        spec = importlib.util.spec_from_file_location(name or path.stem, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod
    finally:
        sys.path.remove(str(path.parent))


@pytest.fixture(scope="session")
def load_script():
    "`load_file`: a script of tools/ or benchmarks/ as a module, e.g. `load_script(ROOT / 'tools' / 'nbtest.py')`."
    return load_file


@pytest.fixture
def evaluate_cli(capsys):
    "Run `aef evaluate ARGS --shots 3 --folds 3 --spacing 0` in this process: `(exit code, stdout, stderr)`. Every " \
    "labelled pixel of the tests' small maps (a few pixels across), not thinned to the paper's 1280 m, which would " \
    "leave one point (`evaluate_points.thin_points`: test_evaluate_spacing covers it)."
    from alphaearth_nb.cli import main
    def run(*args):
        rc = main(["evaluate", *args, "--shots", "3", "--folds", "3", *(["--spacing", "0"] if "--spacing" not in args else [])])
        out = capsys.readouterr()
        return rc, out.out, out.err
    return run


@pytest.fixture
def bare_guess(capsys):
    """`guess(*words)`: `aef evaluate WORDS` of bare words (no flag) exits 2 guessing them in order, 'did you mean
    --embeddings W1 [--labels W2]?', with nothing 'still needed'; returns stderr. (test_bare_embedding_tables and
    test_bare_compressed_tables: was the same three lines in each, duplicates D2 of session 42.)"""
    from alphaearth_nb.cli import main
    def guess(*words):
        assert main(["evaluate", *words]) == 2
        err = capsys.readouterr().err
        said = " ".join(f"{flag} {w}" for flag, w in zip(("--embeddings", "--labels"), words))
        assert f"did you mean {said}?" in err and "still needed" not in err, err
        return err
    return guess


@pytest.fixture
def labelled_store(tmp_path, pixel_points):
    """A 12 x 10 embedding written to `tmp_path / "e.zarr"` and 40 points on its pixel centres in its CRS, labelled by
    column (11 left of column 5, 22 from it): `(store path, GeoDataFrame)`, for `aef evaluate --labels` of one table
    in several forms."""
    e = embedding_from_array(random_unit((12, 10), seed=1))
    store = str(to_zarr(e, tmp_path / "e.zarr"))
    return store, pixel_points(e, classes=(11, 22))


# A fresh import, then one jitted program of reductions and element-wise work compiled with the training step's options,
# XLA's dumps read back: a JSON line {flags: XLA_FLAGS (the dump folder as DUMP), objects: object files, bytes: their
# size, code: md5 of their machine code, ir_lines: lines of optimised LLVM IR, y: md5 of the result}.
_XLA_DUMP_PROBE = """
import hashlib, json, os, tempfile
d = tempfile.mkdtemp()
os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") + f" --xla_dump_to={d}").strip()
import alphaearth_nb, jax, jax.numpy as jnp, numpy as np
opts = alphaearth_nb.runtime.compiler_options("cpu", step=True)
def k(x): return jnp.exp(x - x.max(-1, keepdims=True)).sum(-1) + jnp.tanh(3.0 * x[:, ::-1]).mean(-1)
x = np.random.default_rng(0).standard_normal((64, 333)).astype(np.float32)
y = np.asarray(jax.jit(k).lower(x).compile(opts)(x))
mine = sorted(os.path.join(d, f) for f in os.listdir(d) if ".jit_k." in f)
objs = [f for f in mine if f.endswith(".o")]
print(json.dumps(dict(flags=os.environ["XLA_FLAGS"].replace(d, "DUMP"), objects=len(objs),
                      bytes=sum(os.path.getsize(f) for f in objs),
                      code=hashlib.md5(b"".join(open(f, "rb").read() for f in objs)).hexdigest(),
                      ir_lines=sum(len(open(f).read().splitlines()) for f in mine if f.endswith("ir-with-opt.ll")),
                      y=hashlib.md5(y.tobytes()).hexdigest())))
"""


@pytest.fixture(scope="session")
def xla_dump_probe(fresh):
    """`run(flags, drop)`: `_XLA_DUMP_PROBE` in a fresh import on the CPU once per entry of `flags` (None: `XLA_FLAGS`
    unset, else its value), the names in `drop` left out of the environment: its dicts, in order."""
    def run(flags, drop):
        runs = fresh([(_XLA_DUMP_PROBE, {"JAX_PLATFORMS": "cpu", **({} if f is None else {"XLA_FLAGS": f})})
                      for f in flags], drop=drop)
        for r in runs: assert r.returncode == 0, r.stderr[-2000:]
        return [json.loads(r.stdout.strip().splitlines()[-1]) for r in runs]
    return run



@pytest.fixture
def watched_client():
    """`(client, said)`: a dask.distributed client on a LocalCluster (2 workers of one thread each, in this process)
    and a StringIO holding what its scheduler logs (logger `distributed.scheduler`), where the tests of the key race
    (dask/dask#9888) look for "Detected different `run_spec`"; skips without distributed."""
    distributed = pytest.importorskip("distributed")
    said = io.StringIO()
    handler, log = logging.StreamHandler(said), logging.getLogger("distributed.scheduler")
    log.addHandler(handler)
    try:
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as c, \
                distributed.Client(c) as client:
            yield client, said
    finally:
        log.removeHandler(handler)


@pytest.fixture(scope="session")
def interleave_kit():
    """`(TIMES, map, outer)` for the tests of cubes holding one place under two labels: three years' times (2022..2024),
    `map(seed=72, h=4, w=5)` a map of random unit vectors on a 10 m UTM 31N grid, and `outer(maps)` their
    `xr.concat(..., 'time', join='outer')` on those times (xarray's FutureWarning on the coming join default silenced)."""
    times = pd.to_datetime(["2022-01-01", "2023-01-01", "2024-01-01"])
    def one_map(seed=72, h=4, w=5):
        return embedding_from_array(random_unit((h, w), seed=seed), crs="EPSG:32631",
                                    coords={"y": 5_000_035.0 - 10 * np.arange(h), "x": 500_005.0 + 10 * np.arange(w)})
    def outer(maps):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return xr.concat(maps, "time", join="outer").assign_coords(time=times)
    return times, one_map, outer


@pytest.fixture
def tif_recipe(tmp_path, capsys):
    """`tif_recipe(folder, names, command=("train", "--preset", "tiny"), sidecar=False)`: six-band uint16 GeoTIFFs of
    8 x 8 pixels (EPSG:32631, 10 m from (500000, 5000000); file i of seed i) named `names` in tmp_path/folder (GDAL's
    .aux.xml sidecar beside the first with `sidecar`), `aef <command> --data <folder>` refused (status 2) with its
    `python -c` recipe, and that line run in bash as printed, in tmp_path (it writes stack.zarr). Returns the DataTree
    the line wrote and each file's values (6, 8, 8), for the tests of a folder of GeoTIFFs given as --data."""
    rasterio = pytest.importorskip("rasterio")
    pytest.importorskip("rioxarray")
    from alphaearth_nb.cli import main
    def run(folder, names, command=("train", "--preset", "tiny"), sidecar=False):
        d = tmp_path / folder
        d.mkdir()
        data = [np.random.default_rng(i).integers(0, 10000, (6, 8, 8), dtype=np.uint16) for i in range(len(names))]
        for n, v in zip(names, data):
            with rasterio.open(d / n, "w", driver="GTiff", width=8, height=8, count=6, dtype="uint16", crs="EPSG:32631",
                               transform=rasterio.transform.from_origin(500000, 5000000, 10, 10)) as f:
                f.write(v)
        if sidecar: (d / f"{names[0]}.aux.xml").write_text('<PAMDataset><Metadata><MDI key="k">v</MDI></Metadata></PAMDataset>\n')
        try: rc = main([*command, "--data", str(d), "--out", str(tmp_path / "unused")])
        except SystemExit as e: rc = e.code
        assert rc == 2
        err = " ".join(capsys.readouterr().err.split())
        line = re.search(r'python -c ".*?\)"', err).group()
        subprocess.run(["bash", "-c", sys.executable + line[len("python"):]], cwd=tmp_path, check=True)
        return xr.open_datatree(tmp_path / "stack.zarr", engine="zarr"), data
    return run


@pytest.fixture
def two_year_maps(tmp_path):
    "A 2023 map of noise and a 2024 map whose two halves are two directions, and p.csv of points labelled by half "
    "(the --embeddings folder tests)."
    noise = embedding_from_array(random_unit((8, 12), seed=2)).assign_attrs(crs="EPSG:32631",
                                                                            time="2023-01-01")
    d = random_unit((2,), seed=5); v = np.zeros((8, 12, 64), "float32"); v[:, :6], v[:, 6:] = d[0], d[1]
    clear = embedding_from_array(v).assign_coords(x=noise.x, y=noise.y).assign_attrs(crs="EPSG:32631",
                                                                                     time="2024-01-01")
    cols, rows = np.array([0, 1, 2, 3, 4, 7, 8, 9, 10, 11] * 2), np.repeat([1, 6], 10)
    pts = pd.DataFrame({"x": noise.x.values[cols], "y": noise.y.values[rows], "label": (cols >= 6).astype(int)})
    pts.to_csv(tmp_path / "p.csv", index=False)
    return noise, clear



@pytest.fixture
def python_ctrl_c():
    "Python's own Ctrl-C handler in place (a notebook kernel's, a script's), no stop noted; both put back after."
    import signal
    from alphaearth_nb import runlock
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    runlock.clear_stop()
    try: yield
    finally:
        signal.signal(signal.SIGINT, before)
        runlock.release_stops()
        runlock.clear_stop()
