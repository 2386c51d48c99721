"""depthwise3's kernel gradient on the CPU sums the frames in adjacent pairs at every width (nn._frame_sums, session
30): element-wise adds XLA:CPU vectorises, in place of one reduction with nine outputs over the leading axes (up to 16
channels), which it ran as scalar loops, and nine separate sums of shifted copies (above). Pairwise sums are also the
exact ones: the reduction's running sum over 4,096 frames drifted by 4e-5."""
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb import nn


def _kernel_grad(x, g):
    "The gradient of sum(depthwise3(x, w, 0) * g) with respect to w, [3, 3, c]."
    c = x.shape[-1]
    f = lambda w: jnp.sum(nn.depthwise3(x, w, jnp.zeros(c)) * g)
    return np.asarray(jax.jit(jax.grad(f))(jnp.zeros((3, 3, c))))


def _exact(x, g):
    "The same in float64 numpy: for each tap, the sum over all pixels of the shifted input times g."
    h, w = x.shape[-3:-1]
    xp = np.pad(x.astype(np.float64), [(0, 0)] * (x.ndim - 3) + [(1, 1), (1, 1), (0, 0)])
    ax = tuple(range(x.ndim - 1))
    return np.stack([[(xp[..., i:i + h, j:j + w, :] * g).sum(ax) for j in range(3)] for i in range(3)])


def test_the_kernel_gradient_over_many_frames_is_the_exact_sum():
    "4,096 frames of one pixel, 0.1 each, g = 1: the centre tap is 4,096 x 0.1 (as float32 holds it) to 1e-6, at 1 "
    "channel (main's one reduction: 3.9e-5 off) and at 32 (its separate sums)."
    for c in (1, 32):
        x = np.full((4096, 1, 1, c), 0.1, np.float32)
        got = _kernel_grad(x, np.ones_like(x))
        want = 4096 * np.float64(np.float32(0.1))
        assert np.all(np.abs(got[1, 1] - want) / want < 1e-6), got[1, 1]
        assert np.all(np.delete(got.reshape(9, c), 4, axis=0) == 0)  # the other taps read only the zero padding


@pytest.mark.parametrize("shape", [(7, 3, 4, 2), (3, 5, 6, 7, 4), (1, 4, 4, 16), (2, 33, 5, 5, 16), (5, 4, 4, 32),
                                   (64, 4, 4, 64)])
def test_the_kernel_gradient_matches_float64(shape):
    "Odd and even frame counts, several leading axes, 2 to 64 channels: float64's sums to 1e-6 of the largest."
    rng = np.random.default_rng(sum(shape))
    x, g = (rng.normal(size=shape).astype(np.float32) for _ in range(2))
    want = _exact(x, g)
    np.testing.assert_allclose(_kernel_grad(x, g), want, rtol=0, atol=1e-6 * np.abs(want).max())


def test_no_frames_gives_a_zero_gradient():
    "A batch of no frames: the kernel's gradient is zero (no frame to pair)."
    x = np.zeros((0, 4, 4, 8), np.float32)
    assert np.all(_kernel_grad(x, x) == 0)
