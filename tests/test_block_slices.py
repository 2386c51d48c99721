"""The unrolled STP blocks take their parameters as slices along the stacked leading axis (stp._block_slices): no
element-wise loop of the compiled gradient reads a block's bias or scale as a 1-D slice at an offset of the flattened
stack (XLA:CPU left those loops unvectorised: session 37); the slices and their gradient, by hand."""
import re

import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np

from alphaearth_nb.core import Frames
from alphaearth_nb.stp import STPConfig, STPEncoder

TINY = STPConfig(patch=32, d_space=64, d_time=32, d_precision=16, blocks=2)


def _frames(seed, t=4, c=6, L=32):
    r = np.random.default_rng(seed)
    v = r.random((t, L, L, c)) < 0.8
    x = np.where(v, r.normal(size=(t, L, L, c)), 0).astype(np.float32)
    days = (1500.0 + np.sort(r.uniform(0, 365, t))).astype(np.float32)
    return Frames(jnp.asarray(x), jnp.asarray(v), jnp.asarray(days), jnp.full(t, True), jnp.zeros((t, 0)))


def _loss(m, x): return jnp.sum(m(x).feats ** 2)


def _offset_slices(hlo: str) -> list:
    "Fusions whose computation views a parameter as 1-D (`f32[n]{0} bitcast(%param...)`) and slices that view."
    comps = {m.group(1): m.group(2) for m in re.finditer(r"^%([\w.\-]+) \(.*?\{\n(.*?)\n\}", hlo, re.M | re.S)}
    found = []
    for name, body in comps.items():
        flat = re.findall(r"%(\S+) = f32\[\d+\]\{0\} bitcast\(%param", body)
        if any(re.search(r"slice\(%" + re.escape(b) + r"\)", body) for b in flat): found.append(name)
    return found


def test_no_flat_offset_slices_in_the_gradient():
    enc = STPEncoder(TINY, {"sentinel2": (6, 0)}, key=jax.random.key(0))
    x = {"sentinel2": _frames(1)}
    grad = eqx.filter_jit(eqx.filter_grad(_loss))
    params, static = eqx.partition(enc, eqx.is_array)
    hlo = jax.jit(lambda p, x: grad(eqx.combine(p, static), x)).lower(params, x).compile().as_text()
    assert _offset_slices(hlo) == []  # the flat split before: dozens, one per block-1 bias or scale read


def test_block_slices_values_and_gradient():
    from alphaearth_nb.stp import _block_slices
    a = jnp.arange(12.0).reshape(2, 2, 3)
    p0, p1 = _block_slices(a)
    np.testing.assert_array_equal(p0, [[0, 1, 2], [3, 4, 5]])
    np.testing.assert_array_equal(p1, [[6, 7, 8], [9, 10, 11]])
    # d/da of sum(p0) + 10 sum(p1 * p1): 1 on block 0, 20 a on block 1
    g = jax.grad(lambda a: jnp.sum(_block_slices(a)[0]) + 10 * jnp.sum(_block_slices(a)[1] ** 2))(a)
    np.testing.assert_array_equal(g[0], np.ones((2, 3)))
    np.testing.assert_array_equal(g[1], 20 * np.arange(6.0, 12.0).reshape(2, 3))
