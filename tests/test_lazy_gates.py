"""A lazy (dask) map gets the eager map's warnings (field case F4: lazy data must get the same checks): `gated`
judges `gate.map_sample`, nine 64 x 64 windows spread over the map (at most 36,864 pixels: the chunks under them
only, never the whole map), and says what it finds in 'sampled pixels': a float map scaled by 100 (`emb * 100`,
named with its fix `emb / 100`), values that are no unit vectors (reflectance-like 0..1 bands), averaged codes.
Its int8 form (as_embedding(dequantize=False)) alike: integers scaled by 100 refused, values past int8 and codes
that are no vector warned, a linear int8 scaling warned and read as codes. Was: the lazy map was gated block by
block without a word where the eager one warned (x100 codes taken as codes; a linear scaling kept as it was, another
map than the eager one's); its result stays lazy and equal to the eager one."""
import re
import threading

import dask.array as dsa
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import ConfigError, DTypeError
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.gate import gated
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, random_unit, warned


_said = warned


@pytest.fixture(scope="module")
def unit():
    return embedding_from_array(random_unit((150, 150), seed=4))


@pytest.mark.parametrize("kind, said", [
    ("x100", r"sampled pixels are not embedding vectors .*unit vectors scaled by 100 .*`emb = emb / 100`"),
    ("reflectance", r"of 22500 sampled pixels are not embedding vectors"),   # 150 x 150: every pixel is in a window
])
def test_a_lazy_map_scaled_wrongly_is_warned_as_the_eager_one(unit, kind, said):
    rng = np.random.default_rng(0)
    m = unit * 100 if kind == "x100" else xr.full_like(unit, 0.1) + 0.3 * rng.random(unit.shape).astype("float32")
    eager, eager_said = _said(lambda: as_embedding(m))
    lazy, lazy_said = _said(lambda: as_embedding(m.chunk({"y": 50, "x": 50})))
    assert any("pixels are not embedding vectors" in s for s in eager_said)
    assert any(re.search(said, s) for s in lazy_said), lazy_said
    assert isinstance(lazy.data, dsa.Array)                                   # still lazy
    np.testing.assert_array_equal(lazy.values, eager.values)                  # and the same map


def test_a_good_lazy_map_is_said_nothing(unit):
    _, said = _said(lambda: as_embedding(unit.chunk({"y": 50, "x": 50})))
    assert said == []


def _counted_map(values, dtype:str, **attrs):
    "A lazy 1000 x 1000 map of 100 chunks of 100 x 100 whose blocks record each read, `(map, read)`: `read` lists " \
    "each block's (y0, x0) as it is computed; `values` turns a block's random unit vectors into its values."
    read, lock = [], threading.Lock()
    def block(block_info=None):
        (y0, y1), (x0, x1), _ = block_info[None]["array-location"]
        with lock: read.append((y0, x0))
        v = np.random.default_rng(y0 * 1000 + x0).normal(size=(y1 - y0, x1 - x0, 64)).astype("float32")
        return values(v / np.linalg.norm(v, axis=-1, keepdims=True))
    data = dsa.map_blocks(block, chunks=((100,) * 10, (100,) * 10, (64,)), dtype=dtype)
    m = embedding_from_array(np.zeros((1, 1, 64), dtype))   # its coordinates' form, on the big grid
    return xr.DataArray(data, dims=("y", "x", "band"), coords={"y": 1e6 - 10.0 * np.arange(1000),
                        "x": 10.0 * np.arange(1000), "band": m.band.values}, attrs={**m.attrs, **attrs}), read


def test_the_lazy_gate_reads_the_chunks_under_its_windows_only():
    "A 1000 x 1000 map of 100 chunks x100: 16 of them are read (4 along each axis under the 3 windows), none twice."
    m, read = _counted_map(lambda u: 100 * u, "float32")
    lazy, said = _said(lambda: as_embedding(m))
    assert any("unit vectors scaled by 100" in s for s in said), said
    assert isinstance(lazy.data, dsa.Array) and 0 < len(read) <= 16 and len(set(read)) == len(read), sorted(read)


def test_gated_still_checks_its_flags_at_the_door(unit):
    "b47661e put `_said` between `@checks_flags` and `gated`: gated(codes='no') was read as true, not refused."
    with pytest.raises(ConfigError, match="codes"): gated(unit, codes="no")


def _int_map(kind, seed=3):
    u = random_unit((150, 150), seed=seed)
    codes = np.asarray(quantize(u))
    if kind == "x100": return np.round(u * 100).astype(np.int16)
    if kind == "linear": return np.round(u * 127).astype(np.int8)
    if kind == "fill": a = codes.astype(np.int16); a[5, 5] = 300; return a   # past int8: no data
    a = codes.copy(); a[7, 7] = 0; return a                                   # all zero: no vector


@pytest.mark.parametrize("kind, said", [
    ("linear", r"22500 of 22500 sampled pixel\(s\) are a linear scaling of embeddings"),
    ("fill", r"1 of 22500 sampled pixels are not embedding vectors \(values outside int8's -128\.\.127\)"),
    ("zero", r"1 of 22500 sampled pixels are not embedding vectors \(all zero"),
])
def test_the_int8_form_of_a_lazy_map_is_warned_and_read_as_the_eager_one(kind, said):
    "as_embedding(dequantize=False): a linear int8 scaling was kept as it was (not the product's codes) when lazy."
    m = embedding_from_array(_int_map(kind))
    eager, _ = _said(lambda: as_embedding(m, dequantize=False))
    lazy, lazy_said = _said(lambda: as_embedding(m.chunk({"y": 50, "x": 50}), dequantize=False))
    assert any(re.search(said, s) for s in lazy_said), lazy_said
    assert isinstance(lazy.data, dsa.Array) and lazy.dtype == np.int8
    np.testing.assert_array_equal(lazy.values, eager.values)


def test_a_lazy_int_map_scaled_by_100_is_refused_as_the_eager_one():
    m = embedding_from_array(_int_map("x100"))
    for form in (m, m.chunk({"y": 50, "x": 50})):
        with pytest.raises(DTypeError, match=r"unit vectors scaled by 100"): as_embedding(form, dequantize=False)


def test_runs_model_tells_a_graph_that_embeds(unit):
    from alphaearth_nb.spatial import MODEL_LAYER, runs_model
    lazy = unit.chunk({"y": 50, "x": 50})
    assert not runs_model(unit) and not runs_model(lazy)                       # data read: a sample is cheap
    assert runs_model(lazy.copy(data=lazy.data.map_blocks(lambda b: b, name=MODEL_LAYER + "t")))   # embed's layer


def test_a_lazy_embed_output_is_not_sampled(embed_standin, monkeypatch):
    "embed's lazy output runs the model per chunk: the gates take no sample of it (it would embed those chunks at once)."
    from alphaearth_nb import embed as embed_module
    from alphaearth_nb.spatial import runs_model
    stack = embed_standin.make_stack()
    emb = embed_module.embed(stack, embed_standin.model_on(embed_standin.make_stack(8, 8)), 2024, progress=False,
                             lazy=True, chunks=12)
    assert runs_model(emb)
    runs, block = [], embed_module._block
    monkeypatch.setattr(embed_module, "_block", lambda *a, **k: runs.append(1) or block(*a, **k))
    as_embedding(emb)
    as_embedding(quantize(emb), dequantize=False)   # the int8 form (index.build): no sample either
    assert runs == []


def test_the_int8_form_reads_the_chunks_under_its_windows_once():
    "A 1000 x 1000 int8 map of 100 chunks: its sample and its declared no data read by one compute, 16 chunks once " \
    "(ffdae4a read them 4 times: the scale, the values past int8, the linear scaling and the refused codes apart)."
    m, read = _counted_map(lambda u: np.asarray(quantize(u)), "int8", valid_min=-127)
    q, said = _said(lambda: as_embedding(m, dequantize=False))
    assert said == [] and isinstance(q.data, dsa.Array)
    assert 0 < len(read) <= 16 and len(set(read)) == len(read), sorted(read)
