"""summary.vmf_large_kappa's first accepted proposal is chosen without a reduction over the acceptance tests: XLA:CPU
fused the tests (three logs and a log1p an element) into argmax's reduction and ran them as a scalar loop (3.5-7.8 ms
of small's step, session 41); the draws are the same numbers."""
import math
import re

import jax
import numpy as np

from alphaearth_nb.runtime import compiler_options
from alphaearth_nb.summary import _acceptance, _open_sym, _open_unit, threefry_bits, vmf_large_kappa

P, KAPPA = 64, 8000.0


def _fused(hlo: str) -> dict:
    return {m.group(1): m.group(2) for m in re.finditer(r"^%([\w.\-]+) \(.*?\{\n(.*?)\n\}", hlo, re.M | re.S)}


def test_no_reduction_over_the_tests():
    shape = (2, 7, 32, 32)  # small's 2 examples x 7 targets
    f = jax.jit(lambda k: vmf_large_kappa(k, shape, P, KAPPA), compiler_options=compiler_options(step=True))
    hlo = f.lower(jax.random.key(0)).compile().as_text()
    logs_reduced = [n for n, body in _fused(hlo).items() if " reduce(" in body and re.search(r" log(-plus-one)?\(", body)]
    assert logs_reduced == []  # main: iota_reduce_fusion (argmax of the tests, 3 logs and a log1p inside)


def test_draws_follow_the_rows():
    "w is the first accepted proposal (numpy from the same bits), v the direction's normals over their norm."
    key, shape = jax.random.key(7), (4, 6)
    w, one_m_w, v = (np.asarray(a, np.float64) for a in vmf_large_kappa(key, shape, P, KAPPA))
    n = max(1, min(16, math.ceil(math.log(1e-9) / math.log(1 - _acceptance(KAPPA, P) * 0.999))))
    d = (P - 1) / 2 - 1 / 3; c = 1 / math.sqrt(9 * d); m = P - 2 + n
    bits = threefry_bits(key, (m + 2 * n - 1, *shape))
    g = np.asarray(math.sqrt(2) * jax.lax.erf_inv(_open_sym(bits[:m])), np.float64)
    u = np.asarray(_open_unit(bits[m:]), np.float64)
    r2 = (g[:P - 1] ** 2).sum(0)
    np.testing.assert_allclose(v, np.moveaxis(g[:P - 1] / np.sqrt(r2), 0, -1), atol=1e-6)
    gm = g[P - 1:]; vv = (1 + c * gm) ** 3
    mt = (vv > 0) & (np.log(u[n:]) < 0.5 * gm * gm + d - d * vv + d * np.log(np.maximum(vv, 1e-30)))
    props = np.concatenate([0.5 * r2[None], d * vv[:n - 1]])
    q = np.minimum(props[:-1] / (2 * KAPPA), 0.5)
    ok = (props[:-1] < 2 * KAPPA) & ((P - 3) / 2 * np.log1p(-q) >= np.log(u[:n - 1]))
    ok = np.concatenate([ok & np.concatenate([np.ones((1, *shape), bool), mt])[:n - 1], np.ones((1, *shape), bool)])
    s = np.take_along_axis(props, np.argmax(ok, 0)[None], 0)[0]
    np.testing.assert_allclose(one_m_w, s / KAPPA, rtol=1e-6)
    np.testing.assert_allclose(w, 1 - s / KAPPA, rtol=1e-7)
