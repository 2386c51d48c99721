"""core.split_cpu (AEF_CPU_DEVICES: host CPU devices set at import) and fit on a subset of host CPU devices, each in
a fresh process (JAX's device count is fixed once its backends start)."""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
PROBE = "import alphaearth_nb, jax; print(len(jax.devices('cpu')), '|', alphaearth_nb.core.cpu_devices_note())"


def _run(code: str, **env):
    e = {k: v for k, v in os.environ.items() if k not in ("AEF_CPU_DEVICES", "JAX_NUM_CPU_DEVICES", "XLA_FLAGS")}
    e.update(env, PYTHONPATH=str(ROOT), JAX_PLATFORMS="cpu")
    return subprocess.run([sys.executable, "-c", code], env=e, capture_output=True, text=True, timeout=300, cwd=ROOT)


def _devices(code: str = PROBE, **env):
    p = _run(code, **env)
    assert p.returncode == 0, p.stderr[-2000:]
    n, note = p.stdout.strip().splitlines()[-1].split(" | ")
    return int(n), note


def test_env_switch_sets_host_devices_at_import():
    assert _devices()[0] == 1                                   # unset: JAX's one CPU device (opt-in at import)
    assert _devices(AEF_CPU_DEVICES="2")[0] == 2
    assert _devices(AEF_CPU_DEVICES="auto")[0] == CORES         # one per usable core
    assert 1 <= _devices(AEF_CPU_DEVICES="free")[0] <= CORES    # one per core the load average leaves free
    assert _devices(AEF_CPU_DEVICES="0")[0] == 1                # off
    n, note = _devices(AEF_CPU_DEVICES="2", JAX_NUM_CPU_DEVICES="3")
    assert n == 3 and "set already" in note                     # the user's own count wins
    n, note = _devices("import jax; jax.devices(); " + PROBE, AEF_CPU_DEVICES="2")
    assert n == 1 and "started" in note                         # JAX ran first: nothing done, the import still works
    n, note = _devices(AEF_CPU_DEVICES="two")  # junk: the import works, warned (`aef` says `aef: error`, exit 2)
    assert n == 1 and "AEF_CPU_DEVICES='two' is not a device count" in note
    assert "Ignored" in _run("import alphaearth_nb", AEF_CPU_DEVICES="two").stderr


def test_cli_turns_it_on():
    code = ("import sys, jax, alphaearth_nb; from alphaearth_nb import cli\n"
            "cli.COMMANDS['demo'] = lambda a: print(len(jax.devices()), '|', alphaearth_nb.core.cpu_devices_note())\n"
            "sys.argv = ['aef', '--no-compile-cache', 'demo']; cli.main()\n"
            "cli.main(['--no-compile-cache', 'demo'])")
    n, note = _devices(code)
    assert 1 <= n <= CORES and "'free'" in note                       # aef: one device per idle core by default
    assert _devices(code, AEF_CPU_DEVICES="2")[0] == 2
    assert _devices(code, AEF_CPU_DEVICES="0")[0] == 1
    assert _devices(code.replace("cli.main()\n", "\n"))[0] == 1      # main([...]) in one's own process: left alone


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
