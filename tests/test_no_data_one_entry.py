"""Every analysis door refuses a map (or cube) that holds no value at the one place it reads it, not by a check of its
own (session 48): `as_embedding(emb, door=...)` (similarity, change, classify, regress), `cube_form(emb, door=...)`
(rgb, cluster, yearly_change, aggregate, sample) and `over_time` for a whole cube; `empty_maps.refuse_no_data` is called from nowhere
else. A map the gate empties (int8 codes / 127.5) still gets the gate's warning naming its fix, not the refusal. A
lazy map larger than its sample windows is read for it (was: not read, NaN everywhere, silently): all NaN, refused,
read whole once; with a value in one chunk outside the windows only, not refused; a model's lazy output is not read."""
import ast
import traceback
import warnings
from pathlib import Path

import dask.array
import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import AEFError, NoDataWarning, NoValidDataError
from alphaearth_nb.quantize import quantize
from alphaearth_nb.spatial import MODEL_LAYER
from alphaearth_nb.testing import embedding_from_array, random_unit

TIMES = pd.to_datetime(["2022-01-01", "2023-01-01", "2024-01-01"])
ENTRIES = {"as_embedding", "_cube_form", "per_year"}   # the places each door reads its map (a point query on a map
# the gate emptied asks `as_embedding` too, of the map as read: session 49; was its own call in `query_vector`, 52b9aa26)
PKG = Path(aef.__file__).parent


def _map(seed=3, h=4, w=5):
    return embedding_from_array(random_unit((h, w), seed=seed))


def _labels(m):
    return xr.DataArray((np.arange(m.sizes["y"] * m.sizes["x"]).reshape(m.sizes["y"], m.sizes["x"]) % 2).astype(
        np.int16), dims=("y", "x"), coords={"y": m.y, "x": m.x})


def _cube(maps):
    return xr.concat(maps, "time").assign_coords(time=TIMES)


# door -> (call on the input without data `e` and a map with data `m`, the input as a door names it)
DOORS = {
    "similarity": (lambda e, m: aef.similarity(e, m.values[0, 0]), "the map `emb`"),
    "similarity of a point": (lambda e, m: aef.similarity(e, (float(m.x[1]), float(m.y[1]))), "the map `emb`"),
    "change": (lambda e, m: aef.change(e, m), "the first map `emb`"),
    "change of `other`": (lambda e, m: aef.change(m, e), "`other`"),
    "classify": (lambda e, m: aef.classify(e, _labels(m), k=1), "the map `emb`"),
    "regress": (lambda e, m: aef.analysis.regress(e, _labels(m).astype(np.float32)), "the map `emb`"),
    "cluster": (lambda e, m: aef.analysis.cluster(e, 2), "`emb`"),
    "rgb": (lambda e, m: aef.analysis.rgb(e), "`emb`"),
    "similarity of a cube": (lambda e, m: aef.similarity(_cube([e] * 3), m.values[0, 0]), "the cube"),
    "classify of a cube": (lambda e, m: aef.classify(_cube([e] * 3), _labels(m), k=1), "the cube"),
    "rgb of a cube": (lambda e, m: aef.analysis.rgb(_cube([e] * 3)), "`emb`"),
    "yearly_change": (lambda e, m: aef.cubes.yearly_change(_cube([e] * 3)), "the cube"),
    # tables of the map (session 49: every row NaN, without a word)
    "aggregate": (lambda e, m: aef.cubes.aggregate(e, tile=2), "`emb`"),
    "aggregate of a cube": (lambda e, m: aef.cubes.aggregate(_cube([e] * 3), tile=2), "`emb`"),
    "sample": (lambda e, m: aef.places.sample(e, (float(m.x[1]), float(m.y[1])), crs=m.attrs["crs"]), "`emb`"),
    # maps of the map (session 49: NaN everywhere, without a word)
    "coarsen": (lambda e, m: aef.cubes.coarsen(e, 2), "`emb`"),
    "coarsen of a cube": (lambda e, m: aef.cubes.coarsen(_cube([e] * 3), 2), "`emb`"),
    "block_mean_direction": (lambda e, m: aef.exports.block_mean_direction(e, 2), "`emb`"),
    "block_mean_direction at 1": (lambda e, m: aef.exports.block_mean_direction(e, 1), "`emb`"),
}


def _caller_of_refusal(tb) -> str:
    "The function that called `refuse_no_data` in traceback `tb` (pytest's)."
    names = [e.name for e in tb]
    assert "refuse_no_data" in names, names
    return names[names.index("refuse_no_data") - 1]


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("form", ["NaN", "int8 -128"])
def test_every_door_refuses_at_the_shared_entry(door, form):
    m = _map()
    e = m * np.nan if form == "NaN" else quantize(m * np.nan)
    call, what = DOORS[door]
    with pytest.raises(NoValidDataError, match=f"{door.split()[0]}: {what} holds no data") as err:
        call(e, m)
    assert _caller_of_refusal(err.traceback) in ENTRIES, [x.name for x in err.traceback]


def test_no_door_calls_the_refusal_itself():
    "Read from the package's source: `refuse_no_data` is called only in the shared entries (and defined once)."
    callers = set()
    class Calls(ast.NodeVisitor):   # each call named by the innermost function holding it, a closure by the entry that holds it
        def __init__(self, mod): self.mod, self.fns = mod, []
        def visit_FunctionDef(self, node):
            self.fns.append(node.name)
            self.generic_visit(node)
            self.fns.pop()
        def visit_Call(self, node):
            if getattr(node.func, "id", getattr(node.func, "attr", None)) == "refuse_no_data" and self.fns:
                callers.add((self.mod, next((f for f in reversed(self.fns) if f in ENTRIES), self.fns[-1])))
            self.generic_visit(node)
    for f in PKG.glob("*.py"): Calls(f.stem).visit(ast.parse(f.read_text()))
    assert {name for _, name in callers} <= ENTRIES, sorted(callers)
    assert {("embeddings", "as_embedding"), ("places", "_cube_form"), ("per_year", "per_year")} <= callers, callers


@pytest.mark.parametrize("door", [d for d in DOORS if "cube" not in d and d != "yearly_change"])
def test_a_map_the_gate_empties_keeps_the_gates_warning_at_every_door(door):
    "int8 codes / 127.5: no embedding anywhere; the gate's warning names the fix, no 'holds no data' refusal."
    codes = embedding_from_array(np.asarray(quantize(random_unit((4, 5), seed=3))) / 127.5)
    call, _ = DOORS[door]
    with pytest.warns(Warning, match=r"127\.5"):
        try: call(codes, _map())
        except AEFError as e:   # rgb/cluster/classify find no pixel to fit after the gate: their own words
            # the refusal's bare words, unless the message points to the gate's warning (a point query, 52b9aa26)
            # (or the gate's reason in the error itself, 6489547f: warnings silenced, as notebooks do, lose none)
            assert "holds no data" not in str(e) or "warning above" in str(e) or "127.5" in str(e), str(e)


def _big_nan(n=200):
    "A lazy map of n x n pixels, every value NaN, larger than its nine sample windows (`pixels.window_rows`)."
    assert len(aef.gate.window_rows(n)) < n
    return (_map(seed=7, h=n, w=n) * np.nan).chunk({"y": 40, "x": 40})


@pytest.mark.parametrize("door", ["similarity", "rgb", "cluster", "similarity of a cube", "yearly_change"])
def test_a_lazy_map_larger_than_its_windows_without_data_is_refused(door):
    call, what = DOORS[door]
    with pytest.raises(NoValidDataError, match=f"{door.split()[0]}: {what} holds no data"):
        call(_big_nan(), _map())


def test_a_lazy_map_with_data_outside_the_windows_only_is_read_so():
    big = _big_nan()
    corner = big.copy(data=dask.array.where(np.arange(200)[:, None, None] >= 198, 0.125, big.data))   # rows 198, 199
    assert np.isnan(aef.gate.map_sample(corner).values).all()   # the windows hold no value
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # 64 x 0.125 is no embedding: the gate's warning
        s = aef.similarity(corner, _map().values[0, 0])
    assert s.chunks is not None   # still lazy


def _counted(x):
    "`x` (lazy) whose chunk reads are counted in the list returned with it."
    reads = []
    def read(b):
        reads.append(b.shape)
        return b
    return x.copy(data=x.data.map_blocks(read, dtype=x.dtype)), reads


def test_a_lazy_map_without_data_is_read_whole_once():
    big, reads = _counted(_big_nan())
    with pytest.raises(NoValidDataError):
        aef.similarity(big, _map().values[0, 0])
    first = len(reads)
    assert first >= 25, first   # every one of its 5 x 5 chunks
    with pytest.raises(NoValidDataError):
        aef.similarity(big, _map().values[0, 0])
    assert len(reads) == first, (first, len(reads))   # its answer kept: no chunk read again


def test_a_models_lazy_output_is_not_read():
    "A graph that runs the model (`embed`'s layers, `spatial.runs_model`): reading it to judge would embed it."
    big = _big_nan()
    ran = []
    def model(b):
        ran.append(b.size)
        return b
    lazy = big.copy(data=big.data.map_blocks(model, dtype=big.dtype, name=MODEL_LAYER + "test"))
    aef.gate.refuse_no_data(lazy, "the map `emb`", "similarity")   # not judged: silent
    assert not any(ran), ran   # (dask calls it on an empty block for its meta)


def test_a_lazy_cube_year_without_data_is_no_data_and_said():
    "The year without data is found in the lazy cube (was: not read, NaN without a word) and said, as an eager cube's."
    big = _big_nan()
    m = _map(seed=8, h=200, w=200).chunk({"y": 40, "x": 40})
    cube = _cube([m, big, m])
    with pytest.warns(NoDataWarning, match=r"similarity: no data for time 2023-01-01"):
        s = aef.similarity(cube, m.values[0, 0])
    assert s.chunks is not None and bool(s.isel(time=1).isnull().all())


@pytest.mark.parametrize("lazy", [False, True])
def test_a_point_query_on_a_map_the_gate_emptied_is_refused_at_the_shared_entry(lazy):
    "int8 codes / 127: the gate empties every pixel (warned); the point's refusal comes from `as_embedding`, its words kept."
    codes = embedding_from_array(np.asarray(quantize(random_unit((4, 5), seed=3))).astype(np.float32) / 127)
    codes = codes.chunk({"y": 2, "x": 3}) if lazy else codes
    with pytest.warns(NoDataWarning), pytest.raises(NoValidDataError, match="holds no data as read") as err:
        aef.similarity(codes, (float(codes.x[1]), float(codes.y[2])))
    said = "aef.dequantize"   # the gate's reason in the error (6489547f; a lazy map's, judged on its sample, s56)
    assert said in str(err.value) and "choose a point with data" not in str(err.value), str(err.value)
    refusal = err.value.__context__   # the entry's refusal, re-worded (`raise ... from None` keeps it here)
    names = [f.name for f in traceback.extract_tb(refusal.__traceback__)]
    assert "refuse_no_data" in names and names[names.index("refuse_no_data") - 1] in ENTRIES, names


@pytest.mark.parametrize("call", [lambda c, m: aef.cubes.aggregate(c, tile=2),
                                  lambda c, m: aef.places.sample(c, (float(m.x[1]), float(m.y[1])), crs=m.attrs["crs"])])
def test_a_cube_with_one_year_without_data_is_still_a_table(call):
    "Only a cube without a value in any year is refused: one empty year of three gives its rows NaN, the others values."
    m = _map()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NoDataWarning)   # the empty year may be said; it is not refused
        out = call(_cube([m, m * np.nan, m]), m)
    a00 = out.groupby("year")["A00"].apply(lambda s: s.isna().all())
    assert a00.tolist() == [False, True, False], out


def test_callers_that_read_the_map_already_keep_coarsens_door_quiet(tmp_path):
    "An index by tiles and a COG's overviews coarsen a map they read: an empty map is named by them, not by coarsen."
    e = _map() * np.nan
    with pytest.raises(AEFError) as err:
        aef.index.vectors_of(e, tile=2)
    assert "coarsen:" not in str(err.value), str(err.value)
    with pytest.raises(NoValidDataError) as err:
        aef.exports.to_cog(e, tmp_path / "e.tif", blocksize=128)
    assert "coarsen:" not in str(err.value) and "block_mean_direction:" not in str(err.value), str(err.value)
    m = _map()   # with data: one empty block is NaN, the map not refused
    out = aef.cubes.coarsen(m.where(m.x > m.x[1]), 2)
    assert np.isnan(out.values[0, 0]).all() and np.isfinite(out.values[0, 1]).all()
