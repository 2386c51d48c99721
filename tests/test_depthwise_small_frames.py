"""depthwise3's kernel gradient on the CPU takes the frames' adjacent pairs above 16 channels only for frames of at
least nn.PAIR_SUMS_MIN_SIZE values (session 31): below it the nine separate sums, which compile to half the loop
kernels (the pairs: two per tap, each with the gradient's producers copied in) and run within a fraction of a
millisecond of them; the step's XLA compile of `small` (two such layer sizes, 4 x 4 x 32 and 2 x 2 x 64) took 0.88x
the CPU. The sums stay float64's to rounding on both sides of the rule."""
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb import nn, runtime


def _grads(shape):
    "The compiled gradient of depthwise3 at `shape` (input and kernel), with the training step's XLA options."
    c = shape[-1]
    rng = np.random.default_rng(sum(shape))
    x, g = (jnp.asarray(rng.normal(size=shape).astype(np.float32)) for _ in range(2))
    def f(x, w):
        _, vjp = jax.vjp(lambda x, w: nn.depthwise3(x, w, jnp.zeros(c)), x, w)
        return vjp(g)
    w = jnp.asarray(rng.normal(size=(3, 3, c)).astype(np.float32))
    return jax.jit(f).lower(x, w).compile(compiler_options=runtime.compiler_options(step=True)), (x, w), g


@pytest.mark.skipif(jax.default_backend() != "cpu", reason="the rule is the CPU's")
@pytest.mark.parametrize("shape", [(64, 4, 4, 32), (64, 2, 2, 64)])
def test_small_frames_above_16_channels_compile_to_few_kernels(shape):
    "The frames of small's coarse levels: at most 12 loop kernels for both gradients (the pairs: 20-21)."
    compiled, _, _ = _grads(shape)
    assert compiled.as_text().count("kind=kLoop") <= 12


@pytest.mark.parametrize("shape", [(64, 4, 4, 32), (64, 2, 2, 64), (8, 16, 16, 32), (9, 16, 16, 16)])
def test_the_kernel_gradient_on_both_sides_of_the_rule_matches_float64(shape):
    "Separate sums (small frames above 16 channels) and pairs (large frames; 16 channels): float64's to 1e-6."
    compiled, (x, w), g = _grads(shape)
    h, wd = shape[1:3]
    xp = np.pad(np.asarray(x, np.float64), ((0, 0), (1, 1), (1, 1), (0, 0)))
    want = np.stack([[(xp[:, i:i + h, j:j + wd, :] * np.asarray(g, np.float64)).sum((0, 1, 2)) for j in range(3)]
                     for i in range(3)])
    got = np.asarray(compiled(x, w)[1])
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-6 * np.abs(want).max())


def test_the_rule_size():
    "The pairs above 16 channels from frames of 16 x 16 x 16 values on (small's 16 x 16 x 32 levels keep them)."
    assert nn.PAIR_SUMS_MIN_SIZE == 16 * 16 * 16 and nn.TAP_SUMS_MAX_C == 16
