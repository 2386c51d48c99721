"""summary.vmf_large_kappa hashes the direction's normals with their axis last, p wide (channel 0 repeats row p - 1's
number, M-T's first normal): XLA:CPU computes them once in a gather over whole 16-lane rows and no transposing copy
moves them to [..., p - 1] after (session 45: small's sampler 884 us of a transposing concatenate before, 461 after;
the same draws, v within float rounding: its squared norm is summed along the last axis)."""
import math
import re

import jax
import numpy as np

from alphaearth_nb.runtime import compiler_options
from alphaearth_nb.summary import _acceptance, _open_sym, threefry_bits, vmf_large_kappa

P, KAPPA, SHAPE = 64, 8000.0, (2, 7, 32, 32)  # small's 2 examples x 7 targets


def _erf_fusions(hlo: str) -> list[str]:
    "Output shapes of the entry's fusions whose computation holds erf_inv's ops."
    bodies = {m.group(1): m.group(2) for m in re.finditer(r"^%([\w.\-]+) \(.*?\{\n(.*?)\n\}", hlo, re.M | re.S)}
    entry = hlo[hlo.index("\nENTRY"):]
    return [m.group(1) for m in re.finditer(r"= (f32\[[\d,]*\])\S* fusion\([^\n]*?calls=%([\w.\-]+)", entry)
            if "erf_inv" in bodies.get(m.group(2), "")]


def test_direction_normals_hashed_axis_last():
    f = jax.jit(lambda k: vmf_large_kappa(k, SHAPE, P, KAPPA), compiler_options=compiler_options(step=True))
    hlo = f.lower(jax.random.key(0)).compile().as_text()
    shapes = _erf_fusions(hlo)
    assert f"f32[{','.join(map(str, SHAPE))},{P}]" in shapes, shapes  # main: f32[2,7,70,32,32] (rows first)
    assert not re.search(r"= f32\[[\d,]*\]\S* transpose\(", hlo)


def test_same_direction_draws():
    key, shape = jax.random.key(11), (3, 5, 4)
    v = np.asarray(vmf_large_kappa(key, shape, P, KAPPA)[2], np.float64)
    n = max(1, min(16, math.ceil(math.log(1e-9) / math.log(1 - _acceptance(KAPPA, P) * 0.999))))
    bits = threefry_bits(key, (P - 2 + n + 2 * n - 1, *shape))
    g = np.asarray(math.sqrt(2) * jax.lax.erf_inv(_open_sym(bits[:P - 1])), np.float64)
    np.testing.assert_allclose(v, np.moveaxis(g / np.sqrt((g ** 2).sum(0)), 0, -1), atol=2e-7)
