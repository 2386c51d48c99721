"conv3's weight gradient on the CPU contracts over an even number of frames (or one) wherever YNNPACK runs it: " \
"YNNPACK's weight-gradient convolution ran 2-4x slower a frame over an odd number of frames, 3 or more (session 47: " \
"`tiny` at batch 3 chunked its 12 Upsample maps of 32 x 32 x 32 in 4 chunks of 3). Chunks of frames are chosen even " \
"(convs._strided_chunks), and an odd count left (an odd number of frames) gets one frame of zeros (convs._even_frames)."
import re

import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb import convs, nn, runtime


def test_strided_chunks_are_even_where_the_frames_allow():
    # every even frame count and chunk limit: equal chunks within the limit, an even number of frames each wherever
    # a chunk count near the contiguous chunks' (ceil(n / m) to twice that) gives one
    for n in range(2, 65, 2):
        for m in range(2, 12):
            c, c0 = convs._strided_chunks(n, m), -(-n // m)
            near = [k for k in range(c0, 2 * c0 + 1) if n % k == 0]
            if not near: assert c == 0, (n, m, c); continue   # contiguous chunks then, as before
            assert c in near and n // c <= m, (n, m, c)
            if any(n // k % 2 == 0 for k in near): assert n // c % 2 == 0, (n, m, c)
    assert convs._strided_chunks(12, 3) == 6      # tiny at batch 3: 6 chunks of 2 (were 4 of 3)
    assert convs._strided_chunks(10, 6) == 2      # no even count near: 2 of 5 (each made 6 by a zero frame)


def _grad_fn(shape, o):
    "jit of the gradients (x, w) of sum(sin(conv3(x, w, 0)) * r), traced for the CPU."
    r = jnp.asarray(np.random.default_rng(1).normal(size=(*shape[:-1], o)), jnp.float32)
    def loss(x, w): return jnp.sum(jnp.sin(nn.conv3(x, w, jnp.zeros(o))) * r)
    with nn.traced_for("cpu"):
        return jax.jit(jax.grad(loss, (0, 1)))


def _weight_grad_frames(text: str, h: int, w: int) -> list[int]:
    "The frames (the lhs's feature dimension, b01f) each weight-gradient convolution of a compiled module contracts " \
    "over: those whose window is the whole h x w image."
    shapes = dict(re.findall(r"(%[\w.\-]+) = f32\[([\d,]+)\]", text))
    out = []
    for lhs in re.findall(rf"convolution\((%[\w.\-]+), %[\w.\-]+\), window={{size={h}x{w} ", text):
        out.append(int(shapes[lhs].split(",")[-1]))
    return out


@pytest.mark.skipif(jax.default_backend() != "cpu", reason="XLA:CPU's kernels")
@pytest.mark.parametrize("n, h, i, o", [(12, 32, 32, 32),   # tiny at batch 3: the Upsample's maps (were 4 chunks of 3)
                                         (15, 32, 32, 32),   # an odd count: 5 chunks of 3, each made 4
                                         (10, 32, 32, 32),   # 10 frames, chunks of at most 6: 2 of 5, each made 6
                                         (3, 16, 64, 32)])   # fewer frames than a chunk, odd: one chunk, made 4
def test_no_weight_gradient_over_an_odd_number_of_frames(n, h, i, o, monkeypatch):
    if n == 10: monkeypatch.setattr(convs, "DW_CHUNK_BYTES", 6 * h * h * (i + o) * 4)
    x = jnp.ones((n, h, h, i), jnp.float32)
    f = _grad_fn(x.shape, o)
    text = f.lower(x, jnp.zeros((3, 3, i, o))).compile(compiler_options=runtime.compiler_options("cpu", step=True)).as_text()
    frames = _weight_grad_frames(text, h, h)
    assert frames, "no weight-gradient convolution found"
    assert all(k == 1 or k % 2 == 0 for k in frames), frames


@pytest.mark.parametrize("n, h, i, o", [(12, 8, 32, 32), (15, 8, 32, 32), (3, 6, 64, 32), (5, 6, 4, 6)])
def test_gradients_are_the_convolutions(n, h, i, o, monkeypatch):
    # chunks of 3 frames at these sizes (so the chunked, the made-even and the single-chunk paths all run), against
    # the float64 gradients of the same 'same' convolution computed by NumPy
    monkeypatch.setattr(convs, "DW_CHUNK_BYTES", 3 * h * h * (i + o) * 4)
    rng = np.random.default_rng(0)
    x, w = rng.normal(size=(n, h, h, i)), rng.normal(size=(3, 3, i, o)) / (3 * i ** 0.5)
    r = np.random.default_rng(1).normal(size=(n, h, h, o)).astype(np.float32).astype(np.float64)
    f = _grad_fn(x.shape, o)
    dx, dw = (np.asarray(a, np.float64) for a in f(jnp.asarray(x, jnp.float32), jnp.asarray(w, jnp.float32)))
    x, w = x.astype(np.float32).astype(np.float64), w.astype(np.float32).astype(np.float64)
    xp = np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0)))
    y = sum(np.einsum("nhwi,io->nhwo", xp[:, a:a + h, b:b + h], w[a, b]) for a in range(3) for b in range(3))
    g = np.cos(y) * r
    want_dw = np.stack([np.stack([np.einsum("nhwi,nhwo->io", xp[:, a:a + h, b:b + h], g) for b in range(3)])
                        for a in range(3)])
    gp = np.pad(g, ((0, 0), (1, 1), (1, 1), (0, 0)))
    want_dx = sum(np.einsum("nhwo,io->nhwi", gp[:, 2 - a:2 - a + h, 2 - b:2 - b + h], w[a, b])
                  for a in range(3) for b in range(3))
    np.testing.assert_allclose(dw, want_dw, rtol=0, atol=2e-6 * np.abs(want_dw).max())
    np.testing.assert_allclose(dx, want_dx, rtol=0, atol=2e-6 * np.abs(want_dx).max())
