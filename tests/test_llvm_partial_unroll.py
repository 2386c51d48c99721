"""runtime.LLVM_OPTIONS: LLVM's partial unrolling off (`-unroll-allow-partial=false`, added to `XLA_FLAGS` at import beside
the unroll cap and `-disable-lsr`). XLA:CPU's loop kernels have constant trip counts, which LLVM's unroller copies 2-8
times on this target after the loop vectoriser has already interleaved them: more IR for every later pass to compile
(the `tiny` step's optimised IR 171,884 -> 157,645 lines, session 40). Copying a loop body changes neither the
operations nor their order, so the numbers stay the same to the bit."""
import json

# a fresh import, then one jitted program of reductions and element-wise work compiled with the training step's options,
# XLA's dumps read back: (XLA_FLAGS, object bytes, optimised IR lines, md5 of the result)
PROBE = """
import hashlib, json, os, tempfile
d = tempfile.mkdtemp()
os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") + f" --xla_dump_to={d}").strip()
import alphaearth_nb, jax, jax.numpy as jnp, numpy as np
opts = alphaearth_nb.runtime.compiler_options("cpu", step=True)
def k(x): return jnp.exp(x - x.max(-1, keepdims=True)).sum(-1) + jnp.tanh(3.0 * x[:, ::-1]).mean(-1)
x = np.random.default_rng(0).standard_normal((64, 333)).astype(np.float32)
y = np.asarray(jax.jit(k).lower(x).compile(opts)(x))
mine = [os.path.join(d, f) for f in os.listdir(d) if ".jit_k." in f]
size = sum(os.path.getsize(f) for f in mine if f.endswith(".o"))
lines = sum(len(open(f).read().splitlines()) for f in mine if f.endswith("ir-with-opt.ll"))
print(json.dumps([os.environ["XLA_FLAGS"].replace(d, "DUMP"), size, lines, hashlib.md5(y.tobytes()).hexdigest()]))
"""


def test_partial_unrolling_off_less_code_same_numbers(fresh):
    runs = fresh([(PROBE, {"JAX_PLATFORMS": "cpu"}),
                  (PROBE, {"JAX_PLATFORMS": "cpu",   # the options before: the cap and -disable-lsr only
                           "XLA_FLAGS": "--xla_backend_extra_options=-unroll-full-max-count=4,-disable-lsr"})],
                 drop=("XLA_FLAGS", "AEF_UNROLL_CAP", "AEF_LLVM_OPTIONS", "JAX_PLATFORMS",
                       "JAX_COMPILATION_CACHE_DIR"))  # a cache hit dumps nothing
    for r in runs: assert r.returncode == 0, r.stderr[-2000:]
    (flags, size, lines, y), (_, size_before, lines_before, y_before) = [json.loads(r.stdout.strip().splitlines()[-1])
                                                                         for r in runs]
    assert flags.endswith("-unroll-full-max-count=4,-disable-lsr,-unroll-allow-partial=false")
    assert 0 < size < size_before and 0 < lines < lines_before   # main: the same code both ways (2,976 bytes, 303 lines)
    assert y == y_before                                         # and the same result, to the bit
