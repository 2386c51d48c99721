"""conv3's chunked weight gradient on the CPU with fewer out than in channels (tiny's 32 -> 16 precision convolutions):
taken with in and out exchanged so XLA:CPU runs it as a YNNPACK convolution, not Eigen's (convs._conv3_dw_cpu, split from nn in session 42)."""
import re

import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb import convs, nn, runtime


def _dw(x, o):
    "The gradient of sum(conv3(x, w, 0)) with respect to w (3 x 3, x's channels -> o), traced for the CPU."
    def loss(w): return jnp.sum(nn.conv3(x, w, jnp.zeros(o)))
    with nn.traced_for("cpu"):
        return jax.jit(jax.grad(loss)), jnp.zeros((3, 3, x.shape[-1], o))


def test_weight_gradient_of_ones_counts_the_pixels_each_tap_sees(monkeypatch):
    # every input 1 and every output gradient 1: tap (a, b) sums the frames' pixels whose neighbour at offset
    # (a - 1, b - 1) lies inside the 'same' padded image, N (H - |a - 1|) (W - |b - 1|) of them, for each (i, o)
    monkeypatch.setattr(convs, "DW_CHUNK_BYTES", 2 * 4 * 5 * (32 + 16) * 4)   # 2 frames a chunk: 3 chunks of the 6
    x = jnp.ones((6, 4, 5, 32), jnp.float32)
    assert convs._frames_per_chunk(x, 16) == 2
    f, w = _dw(x, 16)
    got = np.asarray(f(w))
    want = np.array([[6 * (4 - abs(a - 1)) * (5 - abs(b - 1)) for b in range(3)] for a in range(3)], np.float32)
    np.testing.assert_array_equal(got, np.broadcast_to(want[:, :, None, None], (3, 3, 32, 16)))


def test_exchanged_form_is_xlas_weight_gradient():
    rng = np.random.default_rng(0)
    x = jnp.asarray(rng.normal(size=(3, 6, 5, 32)), jnp.float32)
    g = jnp.asarray(rng.normal(size=(3, 6, 5, 8)), jnp.float32)
    w = jnp.zeros((3, 3, 32, 8))
    np.testing.assert_allclose(np.asarray(convs._conv3_dw_cpu(x, w, g)), np.asarray(convs._conv3_dw(x, w, g)),
                               rtol=1e-5, atol=1e-5)


@pytest.mark.skipif(jax.default_backend() != "cpu", reason="XLA:CPU's kernels")
def test_tiny_32_to_16_weight_gradient_is_no_eigen_convolution():
    # tiny's shape: 32 frames of 16 x 16, 32 -> 16 channels, chunked in 2; each chunk a YNNPACK fusion, no plain
    # (Eigen) convolution thunk at the top level of the compiled program
    x = jnp.ones((32, 16, 16, 32), jnp.float32)
    f, w = _dw(x, 16)
    text = f.lower(w).compile(compiler_options=runtime.compiler_options("cpu", step=True)).as_text()
    plain = re.findall(r"^\s+%convolution[\w.]* = \S+ convolution\(", text, re.M)
    assert plain == [], f"{len(plain)} convolutions left to Eigen"
