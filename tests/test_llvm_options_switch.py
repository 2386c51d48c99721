"""The switch of runtime.LLVM_OPTIONS (`AEF_LLVM_OPTIONS`: empty, 0 or off adds none; else the options), beside
`AEF_UNROLL_CAP`'s of the cap, and a user's `XLA_FLAGS` left whole: their `--xla_backend_extra_options` (XLA keeps the
last one it reads: a second would drop theirs) and a file of flags (XLA reads a value not starting with '-' as a file
name: text added to it named no file, and XLA aborted the process at its first program)."""
import json

# a fresh import, then the XLA_FLAGS the process has, and one program run under them (XLA reads them then)
PROBE = """
import json, os
import alphaearth_nb, jax, jax.numpy as jnp
y = float(jax.jit(lambda x: (x * 2).sum())(jnp.ones(3)))
print(json.dumps([os.environ.get("XLA_FLAGS"), y]))
"""
DROP = ("XLA_FLAGS", "AEF_UNROLL_CAP", "AEF_LLVM_OPTIONS", "JAX_PLATFORMS")


def _flags(fresh, *envs):
    out = []
    for r in fresh([(PROBE, {"JAX_PLATFORMS": "cpu", **e}) for e in envs], drop=DROP):
        assert r.returncode == 0, r.stderr[-2000:]
        flags, y = json.loads(r.stdout.strip().splitlines()[-1])
        assert y == 6.0
        out.append(flags)
    return out


def test_llvm_options_have_a_switch(fresh):
    both_off, lsr_off, cap_off, own = _flags(
        fresh, {"AEF_UNROLL_CAP": "0", "AEF_LLVM_OPTIONS": "0"}, {"AEF_LLVM_OPTIONS": ""}, {"AEF_UNROLL_CAP": "off"},
        {"AEF_LLVM_OPTIONS": "-disable-lsr, -unroll-threshold=50"})
    assert both_off is None                                       # nothing added: XLA_FLAGS as the user left it
    assert lsr_off == "--xla_backend_extra_options=-unroll-full-max-count=4"
    assert cap_off == "--xla_backend_extra_options=-disable-lsr,-unroll-allow-partial=false"
    assert own == "--xla_backend_extra_options=-unroll-full-max-count=4,-disable-lsr,-unroll-threshold=50"


def test_users_xla_flags_left_whole(fresh, tmp_path):
    (f := tmp_path / "xla.flags").write_text("--xla_backend_extra_options=-fast-isel=false\n")
    mine = "--xla_cpu_enable_fast_math=false --xla_backend_extra_options=-disable-lsr,-fast-isel=false"
    a_file, theirs, spaced = _flags(fresh, {"XLA_FLAGS": str(f)}, {"XLA_FLAGS": mine},
                                    {"XLA_FLAGS": "  --xla_cpu_enable_fast_math=false"})
    assert a_file == str(f)                                       # main: the file's name and ours, an abort
    assert theirs == mine and theirs.count("-disable-lsr") == 1   # not doubled, not replaced
    assert spaced == "--xla_cpu_enable_fast_math=false --xla_backend_extra_options=-unroll-full-max-count=4,-disable-lsr,-unroll-allow-partial=false"
