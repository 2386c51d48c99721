"""core's cap on LLVM's full unrolling (`AEF_UNROLL_CAP`, added to `XLA_FLAGS` at import): under the training step's options a
kernel whose output's minor dimension is 16 compiles to a loop, as one at 17 does, instead of 16 unrolled copies."""
import json

# a fresh import, then one fused kernel at [64, 16] and one at [64, 17] compiled with XLA's dump of the LLVM IR
PROBE = """
import json, os, tempfile
d = tempfile.mkdtemp()
os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") + f" --xla_dump_to={d}").strip()
import alphaearth_nb, jax, jax.numpy as jnp
opts = alphaearth_nb.runtime.compiler_options("cpu", step=True)   # the training step's (XLA:CPU's loop emitter)
def k16(x): return jnp.tanh(x * 3.0 + 1.0) * x
def k17(x): return jnp.tanh(x * 3.0 + 1.0) * x
jax.jit(k16).lower(jnp.ones((64, 16))).compile(opts); jax.jit(k17).lower(jnp.ones((64, 17))).compile(opts)
size = {k: sum(len(open(os.path.join(d, f)).read().splitlines()) for f in os.listdir(d)
               if f".jit_{k}." in f and f.endswith("ir-with-opt.ll")) for k in ("k16", "k17")}
print(json.dumps([os.environ["XLA_FLAGS"].replace(d, "DUMP"), size["k16"], size["k17"]]))
"""


def _probe(fresh, *envs):
    out = []
    for r in fresh([(PROBE, e) for e in envs], drop=("XLA_FLAGS", "AEF_UNROLL_CAP", "JAX_PLATFORMS",
                                                         "JAX_COMPILATION_CACHE_DIR")):  # a cache hit dumps no IR
        assert r.returncode == 0, r.stderr[-2000:]
        out.append(json.loads(r.stdout.strip().splitlines()[-1]))
    return out


def test_minor_16_kernel_is_a_loop(fresh):
    (flags, n16, n17), = _probe(fresh, {"JAX_PLATFORMS": "cpu"})
    assert flags == "--xla_dump_to=DUMP --xla_backend_extra_options=-unroll-full-max-count=4,-disable-lsr,-unroll-allow-partial=false"
    assert 0 < n16 < 1.5 * n17    # main: 16 unrolled copies, 8x the lines of the [64, 17] kernel's loop


def test_cap_settings(fresh):
    off, eight, users, bad = _probe(fresh, {"JAX_PLATFORMS": "cpu", "AEF_UNROLL_CAP": "0"},
                                    {"JAX_PLATFORMS": "cpu", "AEF_UNROLL_CAP": "8"},
                                    {"JAX_PLATFORMS": "cpu", "XLA_FLAGS": "--xla_backend_extra_options=-fast-isel=false"},
                                    {"JAX_PLATFORMS": "cpu", "AEF_UNROLL_CAP": "four"})
    assert off[0] == "--xla_dump_to=DUMP --xla_backend_extra_options=-disable-lsr,-unroll-allow-partial=false"   # 0: LLVM's default unrolling,
    assert off[1] > 3 * off[2]                                           # the body unrolled (runtime.LLVM_OPTIONS kept)
    assert eight[0].endswith("-unroll-full-max-count=8,-disable-lsr,-unroll-allow-partial=false")
    assert users[0] == "--xla_backend_extra_options=-fast-isel=false --xla_dump_to=DUMP"   # the user's options win
    assert bad[0] == "--xla_dump_to=DUMP"                                # a bad value: warned at import, no cap
