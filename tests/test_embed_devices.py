"Embedding over several local devices: a subprocess with 2 XLA host (CPU) devices embeds as this one-device process."
import json
import os
import subprocess
import sys
from pathlib import Path

import jax
import numpy as np
import pytest


sys.path.insert(0, str(Path(__file__).parent))
from test_embed import _cos  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# run in the subprocess (2 devices) and here (1 device): name -> (embedding, the batch sizes of the model calls)
CASES = r"""
import sys
sys.path.insert(0, {tests!r})
import numpy as np
import alphaearth_nb.embed as em
from alphaearth_nb.scene import load_scene
from test_embed import model_on, make_stack, one_pass_at_seam

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
    stack, scene = make_stack(), load_scene()[0]
    scene = scene.drop_nodes([s for s in scene.children if s not in ("sentinel1", "sentinel2")])  # the stand-in's
    model, on_scene = model_on(stack), model_on(scene)
    out = dict(
        batch8=counted(lambda: em.embed(stack, model, 2024, progress=False).values),
        batch3=counted(lambda: em.embed(stack, model, 2024, progress=False, batch_size=3).values),  # not a multiple
        lazy=counted(lambda: em.embed(stack.chunk({{"y": 24, "x": 24, "time": -1}}), model, 2024).values),
        scene=counted(lambda: em.embed(scene, on_scene, 2024, progress=False).values),
        seam=counted(lambda: np.stack(one_pass_at_seam(stack, model))))
    if tiny:  # the real (untrained) tiny preset on a corner of the sample scene
        import jax
        from alphaearth_nb.model import AlphaEarth, preset
        t = AlphaEarth(preset("tiny"), key=jax.random.key(0))
        part = scene.drop_nodes([s for s in scene.children if s not in t.cfg.inputs]).isel(y=slice(0, 56), x=slice(0, 56))
        out["tiny"] = counted(lambda: em.embed(part, t, 2024, progress=False, batch_size=3).values)
    return out
"""


def run_cases(tiny: bool, devices: int, tmp_path) -> dict:
    "`cases` in a fresh process with `devices` XLA host devices: name -> (embedding, call sizes), and its device count."
    code = CASES.format(tests=str(Path(__file__).parent)) + (
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


def here(tiny: bool) -> dict:
    "`cases` in this (one-device) process."
    ns = {}
    exec(CASES.format(tests=str(Path(__file__).parent)), ns)
    return ns["cases"](tiny)


def check_same(two: dict, one: dict):
    "Same NaN pattern, unit vectors within 1e-6; 2 devices: every call's batch a multiple of 2, no more calls."
    for k, (u1, runs1) in one.items():
        u2, runs2 = two[k]
        ok = np.isfinite(u1)
        np.testing.assert_array_equal(np.isfinite(u2), ok, err_msg=k)
        np.testing.assert_allclose(u2[ok], u1[ok], atol=1e-6, err_msg=k)
        assert all(n % 2 == 0 for n in runs2) and len(runs2) <= len(runs1), (k, runs1, runs2)
    assert two["batch3"][1] == [4] * 4 and one["batch3"][1] == [3] * 6, (two["batch3"][1], one["batch3"][1])


def test_two_devices_embed_as_one(tmp_path):
    "Stand-in model (exact seams): the test stack (batch 8, batch 3 -> 4 tiles a call, lazy), the sample scene, and "
    "tiles against one pass over a window centred on a seam: the same field as on one device."
    assert len(jax.local_devices()) == 1  # this process: the one-device path
    two, devices = run_cases(False, 2, tmp_path)
    assert devices == 2
    one = here(False)
    check_same(two, one)
    tiled, single = two["seam"][0]
    assert _cos(tiled, single).min() > 0.9999  # the seams test holds on 2 devices too
    assert np.isfinite(two["scene"][0]).all(-1).mean() > 0.9


@pytest.mark.slow
def test_two_devices_embed_the_sample_scene_as_one_with_tiny(tmp_path):
    "The real (untrained) tiny preset on a 56 x 56 corner of the sample scene (9 tiles, batch 3 -> 4): as on one device."
    two, devices = run_cases(True, 2, tmp_path)
    one = here(True)
    assert devices == 2
    check_same(two, one)
    assert np.isfinite(two["tiny"][0]).all()
