"Tests of embed: seams, laziness, NaN where no data, early errors. A local stand-in model makes seams exact."
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import dask.array as da
import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import (ConfigError, ExtrapolationWarning, GridError, MissingSourceError, NoDataWarning,
                                PeriodError, SourceWarning)
from alphaearth_nb.embed import embed, embed_to_zarr, tiling
from alphaearth_nb.stacks import to_frames
from alphaearth_nb.timecodes import as_period

L = 16  # the stand-in's patch (conftest's `embed_standin`)


@pytest.fixture(scope="module")
def model(embed_standin):
    return embed_standin.model_on(embed_standin.make_stack(8, 8))


@pytest.fixture(scope="module")
def stack(embed_standin):
    return embed_standin.make_stack()


@pytest.fixture(scope="module")
def eager(stack, model):
    return embed(stack, model, 2024, progress=False)


def test_output_form(eager, stack):
    assert eager.name == "embedding" and eager.dims == ("y", "x", "band") and eager.dtype == np.float32
    assert eager.shape == (40, 40, 64) and list(eager.band.values[[0, -1]]) == ["A00", "A63"]
    np.testing.assert_array_equal(eager.y.values, stack["sentinel2"].y.values)
    assert eager.attrs["crs"] == "EPSG:32631" and eager.attrs["period_start"].startswith("2024-01-01")
    u = eager.values
    ok = np.isfinite(u).all(-1)
    np.testing.assert_allclose(np.linalg.norm(u[ok], axis=-1), 1.0, atol=1e-5)


def test_nan_where_no_data(eager):
    u = eager.values
    assert np.isnan(u[:6, 32:]).all()            # the corner without any valid frame
    assert np.isfinite(u[6:, :]).all() and np.isfinite(u[:, :32]).all()


def _cos(a, b):
    return np.sum(a * b, -1) / np.linalg.norm(a, axis=-1) / np.linalg.norm(b, axis=-1)


def one_pass_at_seam(stack, model):
    "With the hard cut (trim = buffer): `embed`'s field and one pass over a window centred on a seam, its interior."
    tl = tiling(L, trim=tiling(L).margin)
    eager = embed(stack, model, 2024, trim=tl.trim, progress=False)
    c, m = tl.core, tl.margin
    r0 = c - L // 2  # the window [r0, r0 + L) is centred on the seam between the first two tiles
    win = stack.isel(y=slice(r0 + 8, r0 + 8 + L), x=slice(r0, r0 + L))  # rows cross the second seam, columns the first
    f = to_frames(win, ["sentinel1", "sentinel2"], n_frames={"sentinel1": 8, "sentinel2": 8})
    one = np.asarray(eqx.filter_jit(model)(f, jnp.asarray(as_period(2024).days)[None])[0])[m:L - m, m:L - m]
    return eager.values[r0 + 8 + m:r0 + 8 + L - m, r0 + m:r0 + L - m], one


def test_seams_match_one_pass(stack, model):
    "With the hard cut (trim = buffer), tiles match one pass over a window centred on a seam, in its interior."
    tiled, one = one_pass_at_seam(stack, model)
    cos = _cos(one, tiled)
    print(f"stand-in: cosine tiles vs one pass, min {cos.min():.6f}")
    m = tiling(L).margin
    assert cos.shape == (L - 2 * m, L - 2 * m) and cos.min() > 0.9999, cos.min()  # the stand-in: cosine 1.0


def test_neighbours_across_seams(eager):
    "Dot products of neighbouring pixels across tile edges are as high as inside tiles."
    c = tiling(L).core
    u = eager.values[7:]  # rows without the hole; seams at rows 12-7=5, 17 and columns 12, 24, 36
    d = np.sum(u[:, 1:] * u[:, :-1], -1)  # column neighbours (x, x+1)
    seam = np.zeros(d.shape[1], bool); seam[c - 1::c] = True
    across, inside = np.nanmean(d[:, seam]), np.nanmean(d[:, ~seam])
    assert across > inside - 0.05, (across, inside)


def test_lazy_stays_lazy_and_matches(stack, model, eager):
    lazy = stack.chunk({"y": 24, "x": 24, "time": -1})
    out = embed(lazy, model, 2024)
    assert isinstance(out.data, da.Array) and all(s % tiling(L).core == 0 for s in out.chunks[0][:-1])
    np.testing.assert_allclose(out.compute().values, eager.values, atol=1e-5)


def test_each_tile_runs_once(stack, model, eager, tmp_path, monkeypatch):
    "Eager, lazy and embed_to_zarr run the same tiles, each once, however the region is chunked (no ring per chunk)."
    import alphaearth_nb.embed as em
    runs, inner = [], em._embed_batch
    def counting(m, inputs, period):
        runs.append(next(iter(inputs.values())).x.shape[0])
        return inner(m, inputs, period)
    monkeypatch.setattr(em, "_embed_batch", counting)
    embed(stack, model, 2024, progress=False, batch_size=1)
    n = len(runs)
    assert n == 16  # 4 x 4 cores of 12 px over 40 x 40 px, each holding data
    lazy = embed(stack.chunk({"y": 12, "x": 12, "time": -1}), model, 2024, batch_size=1, chunks=12)
    np.testing.assert_allclose(lazy.compute().values, eager.values, atol=1e-5)
    assert len(runs) == 2 * n
    p = embed_to_zarr(stack, model, 2024, tmp_path / "e.zarr", progress=False, chunks=12, batch_size=1,
                      chunks_per_write=3)
    assert len(runs) == 3 * n
    np.testing.assert_allclose(xr.open_zarr(p, consolidated=False)["embedding"].values, eager.values, atol=1e-5)


def test_compiles_once(stack, model, eager, embed_standin):
    n = len(embed_standin.traces)
    embed(stack.isel(y=slice(0, 30)), model, 2024, progress=False)  # another extent, same batch shape
    embed(stack, model, 2024, progress=False, lazy=True, chunks=12)
    assert len(embed_standin.traces) == n


def test_source_errors(stack, model):
    with pytest.raises(MissingSourceError, match=r"stack\['sentinel1'\] = ds"):
        embed(stack.drop_nodes("sentinel1"), model, 2024)
    extra = stack.copy()
    extra["landsat"] = stack["sentinel2"].to_dataset()[["B2", "B3", "B4"]]
    with pytest.warns(SourceWarning, match=r"leaves it out.*drop_nodes\(\['landsat'\]\)"):   # was UnknownSourceError:
        embed(extra, model, 2024, progress=False)   # s38, the rule of fit (test_unread_sources_one_rule)


def test_grid_error(stack, model):
    bad = stack.copy()
    bad["sentinel1"] = stack["sentinel1"].to_dataset().assign_coords(x=stack["sentinel1"].x + 5)
    with pytest.raises(GridError, match="interp_like"):
        embed(bad, model, 2024)


def test_period_checks(stack, model):
    with pytest.warns(ExtrapolationWarning, match="beyond the data's support period"):
        embed(stack.isel(y=slice(0, 12), x=slice(0, 12)), model, ("2025-03-01", "2025-12-01"), progress=False,
              allow_extrapolation=True)   # no frame of it: refused unless asked (tests/test_period_without_frames)
    with pytest.raises(PeriodError, match="pick a period nearer the data"):
        embed(stack, model, 2028)


def test_embed_to_zarr(stack, model, eager, tmp_path):
    p = embed_to_zarr(stack, model, 2024, tmp_path / "e.zarr")
    back = xr.open_zarr(p, consolidated=False)["embedding"]
    np.testing.assert_allclose(back.values, eager.values, atol=1e-5)


def test_embed_to_zarr_int8(stack, model, eager, tmp_path):
    from alphaearth_nb.quantize import dequantize
    q = xr.open_zarr(embed_to_zarr(stack, model, 2024, tmp_path / "q.zarr", int8=True, progress=False), consolidated=False)["embedding"]
    assert q.dtype == np.int8 and q.attrs["nodata"] == -128 and (q.values[:6, 32:] == -128).all()
    np.testing.assert_allclose(dequantize(q.values), eager.values, atol=0.02)


def test_source_without_frames_in_window(stack, model):
    "A source with no frame in the support window is fed as padding, and named (NoDataWarning); the others still embed."
    s1 = stack["sentinel1"].to_dataset()
    old = stack.copy()
    old["sentinel1"] = s1.assign_coords(time=s1.time - np.timedelta64(700, "D"))
    sub = old.isel(y=slice(8, 20), x=slice(0, 12))
    with pytest.warns(NoDataWarning, match=r"sentinel1 \(no frame\) .*made without it, from sentinel2"):
        out = embed(sub, model, 2024, progress=False)
    s2_any = np.isfinite(sub["sentinel2"].to_dataset().to_array().values).any((0, 1))
    np.testing.assert_array_equal(np.isfinite(out.values).all(-1), s2_any)  # NaN only where Sentinel-2 had nothing
    assert s2_any.mean() > 0.9 and out.attrs["support_start"].startswith("2024-01-10")


@pytest.fixture(scope="module")
def tiny():
    "The real `tiny` preset (L = 32: core 24, margin 4), untrained; its space attention sees the whole patch."
    from alphaearth_nb.model import AlphaEarth, preset
    return AlphaEarth(preset("tiny"), key=jax.random.key(0))


def test_real_model_seams(tiny, embed_standin):
    "With the real (untrained) tiny model: tiles against one pass over a window centred on a seam, and neighbours."
    tree = embed_standin.make_stack(56, 56, seed=1, hole=False).drop_nodes("sentinel1")
    Lt, c, m = 32, 24, 4
    emb = embed(tree, tiny, 2024, progress=False, batch_size=4).values       # tiles at 0, 24, 48
    r0 = c - Lt // 2                                                          # window [8, 40) centred on the seams at 24
    win = tree.isel(y=slice(r0, r0 + Lt), x=slice(r0, r0 + Lt))
    one = embed(win, tiny, 2024, progress=False, batch_size=4, tile=Lt, buffer=0).values  # one pass, same compiled shape
    cos = _cos(one[m:Lt - m, m:Lt - m], emb[r0 + m:r0 + Lt - m, r0 + m:r0 + Lt - m])
    print(f"tiny, untrained: cosine tiles vs one pass, mean {cos.mean():.4f}, min {cos.min():.4f}")
    assert cos.shape == (24, 24) and cos.mean() > 0.7  # measured: mean 0.90-0.93 (random 64-d pairs: about 0)
    d = np.sum(emb[:, 1:] * emb[:, :-1], -1)                                  # (x, x + 1) neighbours
    seam = np.zeros(d.shape[1], bool); seam[[c - 1, 2 * c - 1]] = True
    print(f"tiny, untrained: neighbour dot across seams {d[:, seam].mean():.4f}, inside tiles {d[:, ~seam].mean():.4f}")
    assert d[:, seam].mean() > d[:, ~seam].mean() - 0.05


# --- writes that cannot destroy (field cases E1, E2) ------------------------------------------------------------------
def test_embed_to_zarr_never_touches_a_user_folder(stack, model, tmp_path):  # E1
    mine = tmp_path / "myproject"; mine.mkdir(); (mine / "field_notes.csv").write_text("plot,crop\n1,wheat\n")
    from alphaearth_nb.core import NotOursError, OutputExistsError
    for overwrite in (False, True):
        with pytest.raises(NotOursError, match="did not write"):
            embed_to_zarr(stack, model, 2024, mine, overwrite=overwrite, progress=False)
    assert [p.name for p in mine.iterdir()] == ["field_notes.csv"]
    user = tmp_path / "userfile.zarr"; user.write_text("mine")          # a plain file where the store goes
    with pytest.raises(NotOursError, match="is a file"):
        embed_to_zarr(stack, model, 2024, user, overwrite=True, progress=False)
    assert user.read_text() == "mine"
    embed_to_zarr(stack, model, 2024, tmp_path / "e.zarr", progress=False)
    with pytest.raises(OutputExistsError, match="overwrite=True"):
        embed_to_zarr(stack, model, 2024, tmp_path / "e.zarr", progress=False)


def test_embed_to_zarr_dying_write_keeps_the_old_store(stack, model, eager, tmp_path):  # E2, fault-injecting writer
    from alphaearth_nb.testing import disk_full
    path = embed_to_zarr(stack, model, 2024, tmp_path / "e.zarr", progress=False)
    with disk_full(tmp_path, after_bytes=20_000), pytest.raises(OSError, match="No space"):
        embed_to_zarr(stack, model, (np.datetime64("2024-03-01"), np.datetime64("2024-09-01")), path,
                      overwrite=True, progress=False)
    old = xr.open_zarr(path, consolidated=False)["embedding"].values
    np.testing.assert_allclose(old, eager.values, atol=1e-6)  # every pixel of the old result, none NaN-filled
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.zarr"]  # no half-written store beside it


def test_y_ascending_embeds_the_same_vectors_at_the_same_places(stack, model, eager):  # F3
    south_first = xr.DataTree.from_dict({k: v.to_dataset().isel(y=slice(None, None, -1)) for k, v in stack.children.items()})
    got = embed(south_first, model, 2024, progress=False)
    assert (np.diff(got.y.values) < 0).all()  # north-up, with its coordinates
    np.testing.assert_allclose(got.sel(y=eager.y, x=eager.x).values, eager.values, atol=1e-6)


def test_x_descending_embeds_the_same_vectors_at_the_same_places(stack, model, eager):  # F3 for columns
    east_first = xr.DataTree.from_dict({k: v.to_dataset().isel(x=slice(None, None, -1))
                                        for k, v in stack.children.items()})
    got = embed(east_first, model, 2024, progress=False)
    assert (np.diff(got.x.values) > 0).all()  # west to east, with its coordinates
    np.testing.assert_allclose(got.sel(y=eager.y, x=eager.x).values, eager.values, atol=1e-6)


def test_embed_to_zarr_ctrl_c_keeps_the_old_store(stack, model, eager, tmp_path, monkeypatch):  # E2, interrupted
    path = embed_to_zarr(stack, model, 2024, tmp_path / "e.zarr", progress=False)
    real, calls = xr.Dataset.to_zarr, []
    def interrupted(self, *a, **k):
        calls.append(1)
        if len(calls) == 3: raise KeyboardInterrupt("Ctrl-C")
        return real(self, *a, **k)
    monkeypatch.setattr(xr.Dataset, "to_zarr", interrupted)
    with pytest.raises(KeyboardInterrupt):
        embed_to_zarr(stack, model, 2023, path, overwrite=True, progress=False, chunks=16, allow_extrapolation=True)
    monkeypatch.undo()
    np.testing.assert_allclose(xr.open_zarr(path, consolidated=False)["embedding"].values, eager.values, atol=1e-6)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.zarr"]


@pytest.mark.parametrize("tile", [2, 4, 6])
def test_tile_too_small_names_the_valid_ranges_and_both_fixes_work(stack, model, tile):  # G: tile=6 said "trim 0"
    from alphaearth_nb.embed import trim_range
    patch = model.cfg.stp.patch
    with pytest.raises(ConfigError, match=r"tile in \[\d+, %d\].*trim in \[\d+, \d+\]" % patch) as err:
        embed(stack, model, 2024, tile=tile, progress=False)
    lo, hi = trim_range(tile, (patch - tile) // 2)
    assert f"trim={lo}" in str(err.value)
    smallest = int(str(err.value).split("tile in [")[1].split(",")[0])
    assert tiling(patch, tile=tile, trim=lo).overlap == hi - lo and tiling(patch, tile=smallest).core == smallest
    with pytest.raises(ConfigError, match=r"trim must be in \[%d, %d\]" % (lo, hi)):
        tiling(patch, tile=tile, trim=lo - 1)


@pytest.mark.parametrize("kw", [dict(tile=5), dict(tile=7), dict(tile=6.5), dict(tile=17), dict(buffer=9),
                                dict(tile=8, trim=-1), dict(tile=8, trim=5)])
def test_tiling_errors_name_a_fix_that_works(kw):  # G: every suggested value is accepted as it is
    import re
    with pytest.raises(ConfigError) as err: tiling(L, **kw)
    name, value = re.findall(r"e\.g\. (tile|trim)=(\d+)", str(err.value))[0]
    fixed = {**{k: v for k, v in kw.items() if k != "buffer"}, name: int(value)}
    if name == "tile": fixed.pop("trim", None)
    assert tiling(L, **fixed).patch == L


def test_fast_compile_embeds_the_same(stack, model, eager, monkeypatch):  # issue 16 item 2: options change no result
    monkeypatch.setenv("AEF_FAST_COMPILE", "0")  # XLA's default optimisation: another compiled program
    full = embed(stack, model, 2024, progress=False)
    np.testing.assert_allclose(full.values, eager.values, rtol=1e-5, atol=1e-6)


@pytest.mark.slow
def test_all_nan_source_message_names_the_complete_fix(embed_standin):
    "F4: the message said `del stack[...]` only; doing just that raised MissingSourceError next (small preset)."
    import re
    from alphaearth_nb.core import NoValidDataError
    from alphaearth_nb.model import AlphaEarth, preset
    small = AlphaEarth(preset("small"), key=jax.random.key(0))  # reads landsat, sentinel1, sentinel2
    for lazy in (False, True):
        st = embed_standin.make_stack(24, 24)
        st["sentinel1"] = st["sentinel1"].to_dataset() * np.nan
        if lazy: st = st.chunk({"y": 12, "x": 12})
        with pytest.raises(NoValidDataError) as e: embed(st, small, 2024, progress=False, allow_missing=True)
        msg = str(e.value)
        exec(re.search(r"`(del stack\[[^`]*)`", msg).group(1), {"stack": st})
        assert "allow_missing=True" in msg and "--allow-missing" in msg
        out = embed(st, small, 2024, progress=False, allow_missing=True)
        assert out.shape == (24, 24, 64) and np.isfinite(out.values).any()


@pytest.mark.parametrize("int8", [False, True])
def test_open_zarr_reads_an_embed_store(stack, model, eager, tmp_path, int8):  # N19-5
    "`exports.open_zarr` of an `embed_to_zarr` store (`aef embed`): its CRS, and unit floats from an --int8 store."
    from alphaearth_nb.exports import open_zarr
    e = open_zarr(embed_to_zarr(stack, model, 2024, tmp_path / "e.zarr", int8=int8, progress=False))
    assert e.attrs["crs"] == "EPSG:32631" and e.dtype == np.float32          # was crs None; int8: the codes as floats
    assert e.attrs["period_start"].startswith("2024-01-01")                  # the array's own attrs kept
    np.testing.assert_allclose(e.values, eager.values, atol=0.02 if int8 else 1e-5)   # NaN where eager has no data
    n = np.linalg.norm(e.values, axis=-1)
    assert np.nanmax(np.abs(n - 1)) < 0.02 and np.isnan(n).sum() == np.isnan(eager.values[..., 0]).sum()


def test_an_embed_store_opens_in_plain_xarray_without_warnings(stack, model, tmp_path):  # N19-2
    "`xr.open_zarr` of an `aef embed` store warned twice (no consolidated metadata; `.aef-complete` is no zarr node)."
    p = embed_to_zarr(stack, model, 2024, tmp_path / "e.zarr", int8=True, progress=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        back = xr.open_zarr(p)["embedding"].load()
    assert back.dtype == np.int8 and back.attrs["crs"] == "EPSG:32631" and back.shape == (40, 40, 64)


def test_embed_keeps_the_heap_as_fit_does(stack, model, eager, tmp_path, monkeypatch):  # session 21's review
    "embed and embed_to_zarr keep XLA:CPU's freed buffers in the heap (runtime.keep_heap) unless AEF_KEEP_HEAP=0."
    from alphaearth_nb import runtime
    for env, want in ((None, [1]), ("0", [])):
        for run in (lambda: embed(stack, model, 2024, progress=False),
                    lambda: embed_to_zarr(stack, model, 2024, tmp_path / f"h{env}.zarr", progress=False, overwrite=True)):
            calls = []
            monkeypatch.setattr(runtime, "_mallopt_keep", lambda: calls.append(1) or True)  # recorded, not made here
            monkeypatch.setattr(runtime, "KEPT_HEAP", False)   # where keep_heap sets it
            if env is None: monkeypatch.delenv("AEF_KEEP_HEAP", raising=False)
            else: monkeypatch.setenv("AEF_KEEP_HEAP", env)
            run()
            assert calls == want and runtime.KEPT_HEAP == bool(want)


# ---- several local devices: a subprocess with 2 XLA host (CPU) devices embeds as this one-device process ----

ROOT = Path(__file__).resolve().parents[1]

# run in the subprocess (2 devices) and here (1 device): name -> (embedding, the batch sizes of the model calls)
# (`model_on`, `make_stack`: conftest's `embed_standin`; `one_pass_at_seam`: this file's; given by `here` or loaded by
# `run_cases`)
CASES = r"""
import numpy as np
import alphaearth_nb.embed as em
from alphaearth_nb.scene import load_scene

def counted(fn):
    "fn() and the tile counts of the model calls it made."
    runs, inner = [], em._embed_batch
    def counting(m, inputs, period):
        runs.append(next(iter(inputs.values())).x.shape[0])
        return inner(m, inputs, period)
    em._embed_batch = counting
    try: return np.asarray(fn()), runs
    finally: em._embed_batch = inner

def cases(tiny=False):
    "The stand-in model's cases; `tiny`: the real (untrained) tiny preset's one case alone (the others run without it)."
    scene = load_scene()[0]
    scene = scene.drop_nodes([s for s in scene.children if s not in ("sentinel1", "sentinel2")])  # the stand-in's
    if tiny:  # on a corner of the sample scene
        import jax
        from alphaearth_nb.model import AlphaEarth, preset
        t = AlphaEarth(preset("tiny"), key=jax.random.key(0))
        part = scene.drop_nodes([s for s in scene.children if s not in t.cfg.inputs]).isel(y=slice(0, 56), x=slice(0, 56))
        return dict(tiny=counted(lambda: em.embed(part, t, 2024, progress=False, batch_size=3).values))
    stack = make_stack()
    model, on_scene = model_on(stack), model_on(scene)
    return dict(
        batch8=counted(lambda: em.embed(stack, model, 2024, progress=False).values),
        batch3=counted(lambda: em.embed(stack, model, 2024, progress=False, batch_size=3).values),  # not a multiple
        lazy=counted(lambda: em.embed(stack.chunk({"y": 24, "x": 24, "time": -1}), model, 2024).values),
        scene=counted(lambda: em.embed(scene, on_scene, 2024, progress=False).values),
        seam=counted(lambda: np.stack(one_pass_at_seam(stack, model))))
"""


def run_cases(tiny: bool, devices: int, tmp_path) -> dict:
    "`cases` in a fresh process with `devices` XLA host devices: name -> (embedding, call sizes), and its device count."
    code = ("import runpy\n"   # the stand-in (conftest) and this file's helper, loaded by path in the fresh process
            f"c, t = runpy.run_path({str(Path(__file__).with_name('conftest.py'))!r}), runpy.run_path({__file__!r})\n"
            "model_on, make_stack, one_pass_at_seam = c['model_on'], c['make_stack'], t['one_pass_at_seam']\n"
            + CASES +
            "import jax, json\n"
            f"out = cases({tiny})\n"
            f"np.savez({str(tmp_path / 'out.npz')!r}, **{{k: v[0] for k, v in out.items()}})\n"
            "print('RESULT' + json.dumps(dict(devices=len(jax.local_devices()), runs={k: v[1] for k, v in out.items()})))\n")
    env = dict(os.environ, XLA_FLAGS=f"--xla_force_host_platform_device_count={devices}", JAX_PLATFORMS="cpu",
               PYTHONPATH=str(ROOT))
    p = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=900)
    assert p.returncode == 0, p.stderr[-3000:]
    r = json.loads(p.stdout.split("RESULT")[-1])
    arrays = np.load(tmp_path / "out.npz")
    return {k: (arrays[k], r["runs"][k]) for k in r["runs"]}, r["devices"]


def here(tiny: bool, standin) -> dict:
    "`cases` in this (one-device) process; `standin`: conftest's `embed_standin`."
    ns = dict(model_on=standin.model_on, make_stack=standin.make_stack, one_pass_at_seam=one_pass_at_seam)
    exec(CASES, ns)
    return ns["cases"](tiny)


def check_same(two: dict, one: dict):
    "Same NaN pattern, unit vectors within 1e-6; 2 devices: every call's batch a multiple of 2, no more calls."
    for k, (u1, runs1) in one.items():
        u2, runs2 = two[k]
        ok = np.isfinite(u1)
        np.testing.assert_array_equal(np.isfinite(u2), ok, err_msg=k)
        np.testing.assert_allclose(u2[ok], u1[ok], atol=1e-6, err_msg=k)
        assert all(n % 2 == 0 for n in runs2) and len(runs2) <= len(runs1), (k, runs1, runs2)
    assert set(two) == set(one)
    if "batch3" in one:
        assert two["batch3"][1] == [4] * 4 and one["batch3"][1] == [3] * 6, (two["batch3"][1], one["batch3"][1])


def test_two_devices_embed_as_one(tmp_path, embed_standin):
    "Stand-in model (exact seams): the test stack (batch 8, batch 3 -> 4 tiles a call, lazy), the sample scene, and "
    "tiles against one pass over a window centred on a seam: the same field as on one device."
    assert len(jax.local_devices()) == 1  # this process: the one-device path
    two, devices = run_cases(False, 2, tmp_path)
    assert devices == 2
    one = here(False, embed_standin)
    check_same(two, one)
    tiled, single = two["seam"][0]
    assert _cos(tiled, single).min() > 0.9999  # the seams test holds on 2 devices too
    assert np.isfinite(two["scene"][0]).all(-1).mean() > 0.9


@pytest.mark.slow
def test_two_devices_embed_the_sample_scene_as_one_with_tiny(tmp_path, embed_standin):
    "The real (untrained) tiny preset on a 56 x 56 corner of the sample scene (9 tiles, batch 3 -> 4): as on one device "
    "(the stand-in's cases: test_two_devices_embed_as_one)."
    two, devices = run_cases(True, 2, tmp_path)
    one = here(True, embed_standin)
    assert devices == 2 and set(one) == {"tiny"}
    check_same(two, one)
    assert np.isfinite(two["tiny"][0]).all()


@pytest.mark.parametrize("key", ["batch_size", "support_days", "frame_bucket", "warn_days", "max_days", "chunks"])
def test_text_settings_are_refused_with_an_example_that_works(model, embed_standin, key):
    "Text that spells no number: the message's example is a valid value of that setting (was 1 / 1.0 for every one: "
    "max_days=1.0 sits below warn_days, support_days=1.0 a one-day window)."
    import re
    st = embed_standin.make_stack(8, 8)
    with pytest.raises(ConfigError) as e: embed(st, model, 2024, progress=False, **{key: "a lot"})
    example = re.search(rf"pass e\.g\. {key}=([0-9.e+-]+)", str(e.value)).group(1).rstrip(".")
    assert example in (repr(embed.__kwdefaults__[key]), str(4 * tiling(L).core)), str(e.value)
    out = embed(st, model, 2024, progress=False, **{key: type(embed.__kwdefaults__[key] or 1)(float(example))})
    assert out.shape == (8, 8, 64)


@pytest.mark.parametrize("key", ["tile", "buffer", "trim"])
def test_tiling_text_is_refused_with_the_default_tilings_value(key):
    "tiling(L, tile='abc') was float()'s ValueError, tile='8' read as 8: now ConfigError naming the setting, offering "
    "for 'abc' the default tiling's value, which is accepted as it is."
    import re
    with pytest.raises(ConfigError, match=rf"^{key}='8' is not a whole number"): tiling(L, **{key: "8"})
    with pytest.raises(ConfigError, match=rf"^{key}='abc' is not a whole number") as e: tiling(L, **{key: "abc"})
    value = int(re.search(rf"e\.g\. {key}=(\d+)\.$", str(e.value)).group(1))
    assert tiling(L, **{key: value}) == tiling(L)
