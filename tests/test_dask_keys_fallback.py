"""`dask_keys` rests on dask's private `dask._task_spec` (`convert_legacy_graph`, `Task.substitute`; session 47's
note: a dask release can move it). Its import now fails soft: without it `compute_own` (what to_cog's windows, the
web map's tiles, embed's rows and the units' samples compute with) computes on dask's local threads, the same values
and no task kept to collide with a persisted map under a dask.distributed client, and `own_graph` is a
MissingDependencyError naming the dask version and `compute_own`. Was: `from dask._task_spec import
convert_legacy_graph` at the module's top, so those writers failed with ImportError on such a dask."""
import re

import numpy as np
import pytest

import dask
import dask.array as darr
import dask.local

from alphaearth_nb import dask_keys
from alphaearth_nb.core import MissingDependencyError, PerformanceWarning

SHARING = dict(scheduler=lambda dsk, keys, **kw: dask.local.get_sync(dsk, keys, **kw))   # keeps-tasks stand-in


def _pieces(calls):
    a = darr.arange(64.0, chunks=16).reshape(8, 8).rechunk(3).map_blocks(lambda b: calls.append(1) or b * 2,
                                                                          meta=np.empty((0, 0)))
    return a, a[:4, :5], a[2:6, 4:]   # 4 chunks of `a` each, 2 of them the same: 6 in all


def _keys(*xs): return set().union(*(dict(x.__dask_graph__()) for x in xs))


def test_own_graph_keeps_its_guarantees_with_the_private_task_spec():
    calls = []
    a, x, y = _pieces(calls)
    with dask.config.set(**SHARING):
        ox, oy = dask_keys.own_graph([x, y])
        assert not _keys(a, x, y) & _keys(ox, oy)                    # every key new
        assert _keys(dask_keys.own_keys(x)).isdisjoint(_keys(ox))    # a new set each call
        vx, vy = dask_keys.compute_own(x, y)
        assert len(calls) == 6                                       # the 2 shared chunks ran once
    np.testing.assert_array_equal(vx, np.arange(64.0).reshape(8, 8)[:4, :5] * 2)
    np.testing.assert_array_equal(vy, np.arange(64.0).reshape(8, 8)[2:6, 4:] * 2)


def test_without_it_compute_own_computes_locally_and_own_graph_says_why(monkeypatch):
    monkeypatch.setattr(dask_keys, "convert_legacy_graph", None)
    monkeypatch.setattr(dask_keys, "_FALLBACK_SAID", [True], raising=False)   # its warning: the test below
    ran_on = []
    calls = []
    a, x, y = _pieces(calls)
    sharing = lambda dsk, keys, **kw: ran_on.append("shared") or dask.local.get_sync(dsk, keys, **kw)
    with dask.config.set(scheduler=sharing):
        vx, vy = dask_keys.compute_own(x, y)
        assert ran_on == [] and len(calls) == 6                      # not on the key-keeping scheduler; once each
        with pytest.raises(MissingDependencyError, match=rf"dask {re.escape(dask.__version__)} .*compute_own"):
            dask_keys.own_graph([x])
    np.testing.assert_array_equal(vx, np.arange(64.0).reshape(8, 8)[:4, :5] * 2)
    np.testing.assert_array_equal(vy, np.arange(64.0).reshape(8, 8)[2:6, 4:] * 2)
    assert dask_keys.own_graph([x]) == (x,)                          # a local scheduler: as before, nothing to say


def test_the_fallback_under_a_key_keeping_scheduler_is_said_once(monkeypatch):
    "The cluster's workers left out: one PerformanceWarning a process naming the dask version and the fix (was: silent)."
    monkeypatch.setattr(dask_keys, "convert_legacy_graph", None)   # what a dask that moved `_task_spec` leaves
    monkeypatch.setattr(dask_keys, "_FALLBACK_SAID", [], raising=False)
    a, x, y = _pieces([])
    with dask.config.set(**SHARING), pytest.warns(PerformanceWarning) as said:
        (vx,) = dask_keys.compute_own(x)
        (vy,) = dask_keys.compute_own(y)   # not again
    assert len(said) == 1, [str(w.message) for w in said]
    msg = str(said[0].message)
    assert f"dask {dask.__version__}" in msg and "workers" in msg and "pip install 'dask[array]" in msg, msg
    assert said[0].filename == __file__, said[0].filename   # the caller's line, not the package's
    np.testing.assert_array_equal(vy, np.arange(64.0).reshape(8, 8)[2:6, 4:] * 2)


def test_the_fallback_is_not_said_under_a_local_scheduler(monkeypatch, recwarn):
    "Threads, processes, synchronous: nothing is left out, so nothing to say."
    monkeypatch.setattr(dask_keys, "convert_legacy_graph", None)
    monkeypatch.setattr(dask_keys, "_FALLBACK_SAID", [], raising=False)
    a, x, y = _pieces([])
    dask_keys.compute_own(x, y)
    assert not [w for w in recwarn if issubclass(w.category, PerformanceWarning)], [str(w.message) for w in recwarn]


def test_the_module_imports_where_dask_moved_its_task_spec(run_py):
    got = run_py("""
import json, sys
import numpy as np, dask, dask.array, dask.local
import dask._task_spec as spec
moved = spec.convert_legacy_graph
del spec.convert_legacy_graph   # what `from dask._task_spec import convert_legacy_graph` meets on a dask that moved it
from alphaearth_nb import dask_keys
spec.convert_legacy_graph = moved   # dask's own use of it, as it was
x = dask.array.arange(12.0, chunks=4) * 3
with dask.config.set(scheduler=lambda dsk, keys, **kw: dask.local.get_sync(dsk, keys, **kw)):
    (v,) = dask_keys.compute_own(x)
print(json.dumps({"fallback": dask_keys.convert_legacy_graph is None, "same": bool(np.array_equal(v, np.arange(12.0) * 3))}))
""")
    assert got == {"fallback": True, "same": True}


def test_the_fallback_never_meets_a_persisted_map_s_keys(monkeypatch, watched_client, tmp_path):
    "to_cog's windows under the fallback while the client holds the map persisted (as test_cog_distributed_keys)."
    rasterio = pytest.importorskip("rasterio")
    import xarray as xr
    from alphaearth_nb.exports import to_cog
    from alphaearth_nb.quantize import quantize
    monkeypatch.setattr(dask_keys, "convert_legacy_graph", None)
    monkeypatch.setattr(dask_keys, "_FALLBACK_SAID", [True], raising=False)   # said: the test above
    client, said = watched_client
    raw = darr.from_array(np.random.default_rng(3).normal(size=(64, 48, 32)).astype("float32"), chunks=(64, 16, 16))
    t = raw.transpose(1, 2, 0)
    emb = xr.DataArray(t / darr.sqrt((t ** 2).sum(-1, keepdims=True)), dims=("y", "x", "band"),
                       attrs={"crs": "EPSG:32631"}, coords={"y": 5e6 - 10 * np.arange(48) - 5,
                                                            "x": 5e5 + 10 * np.arange(32) + 5,
                                                            "band": [f"A{i:02d}" for i in range(64)]})
    held = client.persist(emb.data)
    __import__("distributed").wait(held)
    for i in range(2):
        p = to_cog(emb, tmp_path / f"m{i}.tif", blocksize=16)
        with rasterio.open(p) as f:
            np.testing.assert_array_equal(np.moveaxis(f.read(), 0, -1), np.asarray(quantize(emb.values), np.int8))
    assert "Detected different `run_spec`" not in said.getvalue(), said.getvalue()[:2000]
