"""runtime.split_cpu (AEF_CPU_DEVICES: host CPU devices set at import) and fit on a subset of host CPU devices, each in
a fresh process (JAX's device count is fixed once its backends start)."""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
PROBE = "import alphaearth_nb, jax; print(len(jax.devices('cpu')), '|', alphaearth_nb.runtime.cpu_devices_note())"


def _run(code: str, **env):
    e = {k: v for k, v in os.environ.items() if k not in ("AEF_CPU_DEVICES", "JAX_NUM_CPU_DEVICES", "XLA_FLAGS")}
    e.update(env, PYTHONPATH=str(ROOT), JAX_PLATFORMS="cpu")
    return subprocess.run([sys.executable, "-c", code], env=e, capture_output=True, text=True, timeout=300, cwd=ROOT)


def _devices(code: str = PROBE, **env):
    p = _run(code, **env)
    assert p.returncode == 0, p.stderr[-2000:]
    n, note = p.stdout.strip().splitlines()[-1].split(" | ")
    return int(n), note


KEYS = ("AEF_CPU_DEVICES", "JAX_NUM_CPU_DEVICES", "XLA_FLAGS")   # JAX reads its JAX_* at its own import: a new
                                                                  # process for those (`_devices`), not `fresh`


def _counts(fresh, *cases):
    "`(devices, note)` of each `(code, env)` run as a fresh import (conftest.fresh_imports: one process, forked)."
    out = []
    for r in fresh(cases, drop=KEYS):
        assert r.returncode == 0, r.stderr[-2000:]
        n, note = r.stdout.strip().splitlines()[-1].split(" | ")
        out.append((int(n), note, r.stderr))
    return out


def test_env_switch_sets_host_devices_at_import(fresh):
    env = lambda **e: (PROBE, e)
    (unset, *_), (two, *_), (auto, *_), (free, *_), (off, *_), (ran, ran_note, _), (junk, junk_note, said) = \
        _counts(fresh, env(), env(AEF_CPU_DEVICES="2"), env(AEF_CPU_DEVICES="auto"), env(AEF_CPU_DEVICES="free"),
                env(AEF_CPU_DEVICES="0"), ("import jax; jax.devices(); " + PROBE, {"AEF_CPU_DEVICES": "2"}),
                env(AEF_CPU_DEVICES="two"))
    users, users_note = _devices(AEF_CPU_DEVICES="2", JAX_NUM_CPU_DEVICES="3")  # a new process: JAX reads its JAX_*
    assert unset == 1                                           # unset: JAX's one CPU device (opt-in at import)
    assert two == 2
    assert auto == CORES                                        # one per usable core
    assert 1 <= free <= CORES                                   # one per core the load average leaves free
    assert off == 1                                             # off
    assert users == 3 and "set already" in users_note           # the user's own count wins
    assert ran == 1 and "started" in ran_note                   # JAX ran first: nothing done, the import still works
    assert junk == 1 and "AEF_CPU_DEVICES='two' is not a device count" in junk_note  # junk: the import works,
    assert "Ignored" in said                                                         # warned (`aef`: `aef: error`)


def test_cli_turns_it_on(fresh):
    code = ("import sys, jax, alphaearth_nb; from alphaearth_nb import cli\n"
            "cli.COMMANDS['demo'] = lambda a: print(len(jax.devices()), '|', alphaearth_nb.runtime.cpu_devices_note())\n"
            "sys.argv = ['aef', '--no-compile-cache', 'demo']; cli.main()\n"
            "cli.main(['--no-compile-cache', 'demo'])")
    (n, note, _), (two, *_), (off, *_), (own, *_) = _counts(
        fresh, (code, {}), (code, {"AEF_CPU_DEVICES": "2"}), (code, {"AEF_CPU_DEVICES": "0"}),
        (code.replace("cli.main()\n", "\n"), {}))
    assert 1 <= n <= CORES and ("gives each" in note) == (n > 1)     # aef: small at batch 4 split over idle cores
    assert two == 2
    assert off == 1
    assert own == 1                                                   # main([...]) in one's own process: left alone


FIT = textwrap.dedent("""
    import json, jax, numpy as np, equinox as eqx
    from alphaearth_nb.core import ConfigError
    from alphaearth_nb.testing import Standin, standin_batches, standin_loss
    from alphaearth_nb.train import fit, make_mesh
    assert len(jax.devices()) == 2, jax.devices()
    res = {}
    def run(batch, mesh=None):
        state, hist = fit(Standin(key=jax.random.PRNGKey(0)), lambda p: standin_batches(p, batch=batch), steps=4,
                          batch_size=batch, loss_fn=standin_loss, progress=False, mesh=mesh)
        w = state.model.l1.weight
        return [h["loss"] for h in hist], np.asarray(w), len(w.sharding.device_set)
    for b in (3, 4):
        res[b] = run(b)
    one = run(4, make_mesh(jax.devices()[:1]))
    try: run(3, make_mesh()); res["msg"] = None
    except ConfigError as e: res["msg"] = str(e)
    out = dict(ndev3=res[3][2], ndev4=res[4][2], ndev1=one[2], msg=res["msg"],
               loss=float(np.max(np.abs(np.subtract(res[4][0], one[0])))), param=float(np.max(np.abs(res[4][1] - one[1]))))
    print("RESULT" + json.dumps(out))
""")


def test_fit_uses_the_host_devices_that_split_the_batch():
    p = _run(FIT, AEF_CPU_DEVICES="2")
    assert p.returncode == 0, p.stderr[-3000:]
    r = json.loads(p.stdout.split("RESULT")[-1])
    assert r["ndev3"] == 1 and r["ndev4"] == 2 and r["ndev1"] == 1  # batch 3 on 2 devices: one of them
    assert "use a multiple of 2" in r["msg"]                           # an explicit mesh keeps the rule
    assert r["loss"] < 1e-5 and r["param"] < 1e-5, r                   # sharded == single, to rounding
