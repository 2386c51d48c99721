"""runtime.LLVM_OPTIONS: LLVM's loop strength reduction off (`-disable-lsr`, added to `XLA_FLAGS` at import beside the unroll
cap): about 13% of the LLVM half of the training step's compile. The pass rewrites a loop's integer address arithmetic
only, so the kernels' machine code changes and their numbers do not."""
import json

# a fresh import, then one jitted program of reductions and element-wise work compiled with the training step's options,
# XLA's object files dumped: (XLA_FLAGS, md5 of the machine code, md5 of the result)
PROBE = """
import hashlib, json, os, tempfile
d = tempfile.mkdtemp()
os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") + f" --xla_dump_to={d}").strip()
import alphaearth_nb, jax, jax.numpy as jnp, numpy as np
opts = alphaearth_nb.runtime.compiler_options("cpu", step=True)
def k(x): return jnp.exp(x - x.max(-1, keepdims=True)).sum(-1) + jnp.tanh(3.0 * x[:, ::-1]).mean(-1)
x = np.random.default_rng(0).standard_normal((64, 333)).astype(np.float32)
y = np.asarray(jax.jit(k).lower(x).compile(opts)(x))
objs = sorted(f for f in os.listdir(d) if ".jit_k." in f and f.endswith(".o"))
code = hashlib.md5(b"".join(open(os.path.join(d, f), "rb").read() for f in objs)).hexdigest()
print(json.dumps([os.environ["XLA_FLAGS"].replace(d, "DUMP"), len(objs), code, hashlib.md5(y.tobytes()).hexdigest()]))
"""


def test_lsr_off_same_numbers(fresh):
    runs = fresh([(PROBE, {"JAX_PLATFORMS": "cpu"}), (PROBE, {"JAX_PLATFORMS": "cpu"}),
                  (PROBE, {"JAX_PLATFORMS": "cpu",   # the user's backend options: the package adds none
                           "XLA_FLAGS": "--xla_backend_extra_options=-unroll-full-max-count=4"})],
                 drop=("XLA_FLAGS", "AEF_UNROLL_CAP", "JAX_PLATFORMS"))
    for r in runs: assert r.returncode == 0, r.stderr[-2000:]
    (flags, n, code, y), again, (_, n_lsr, code_lsr, y_lsr) = [json.loads(r.stdout.strip().splitlines()[-1]) for r in runs]
    assert flags == "--xla_dump_to=DUMP --xla_backend_extra_options=-unroll-full-max-count=4,-disable-lsr,-unroll-allow-partial=false"
    assert again[2] == code and n == n_lsr > 0      # the machine code is the same from one process to the next
    assert code != code_lsr                         # so the option took effect: other machine code
    assert y == y_lsr                               # and the same result, to the bit
