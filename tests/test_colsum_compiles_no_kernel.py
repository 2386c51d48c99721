"""Norm's scale and bias gradients (nn._colsum, vmapped or not) are products with TWO rows of ones, the first row
kept: XLA:CPU compiles a product whose result has a dimension of 1 (a matrix-vector product) to an LLVM kernel of its
own, about 13 ms of compile CPU each (50 of them in `small`'s step, session 49), where a two-row product is YNNPACK's
dot, a library call with nothing to compile. The sums stay the plain column sums."""
import re

import jax
import jax.numpy as jnp
import numpy as np

from alphaearth_nb import nn

D = 48   # the channels: no row count below is 48, so a dot whose result is (.., 1, 48) or (48,) is a column sum


def _matvec_colsums(hlo:str) -> list[str]:
    "Unfused dots in compiled HLO whose result is a column sum as a matrix-vector product: [48], [1,48], [B,1,48]."
    found = []
    for m in re.finditer(r"= f32\[([0-9,]*)\]\S* dot\(", hlo):
        dims = [int(v) for v in m.group(1).split(",") if v]
        if dims and dims[-1] == D and (len(dims) == 1 or dims[-2] == 1): found.append(m.group(0))
    return found


def _loss(norm, x, vmaps):
    f = norm
    for ax in vmaps: f = jax.vmap(f, in_axes=ax)
    return (f(x) * jnp.linspace(-1, 2, x.shape[-1])).sum()


def _x(shape, seed=0):
    return jax.random.normal(jax.random.key(seed), shape) * 3 + 1


def test_norm_column_sums_compile_no_matrix_vector_kernel():
    norm = nn.Norm(D)
    for shape, vmaps in (((20, 16, D), ()), ((2, 10, 16, D), (0,)), ((2, 3, 4, 5, D), (0, 0))):
        hlo = jax.jit(jax.grad(_loss), static_argnums=2).lower(norm, _x(shape), vmaps).compile().as_text()
        assert not _matvec_colsums(hlo), f"{shape}, vmaps {vmaps}: column sums compiled as matrix-vector products"


def test_colsum_is_the_column_sum():
    x = _x((2, 7, 9, D), seed=3)
    np.testing.assert_allclose(jax.jit(nn._colsum)(x), np.asarray(x, np.float64).reshape(-1, D).sum(0),
                               rtol=1e-5, atol=1e-4)
    got = jax.jit(jax.vmap(jax.vmap(nn._colsum)))(x)   # the batched rule, two vmaps merged into one batch
    np.testing.assert_allclose(got, np.asarray(x, np.float64).sum(2), rtol=1e-5, atol=1e-4)
    assert got.shape == (2, 7, D)
