"Host-side initialisation: nn's host arrays reach the device without an XLA compile (jax.device_put, not jnp.asarray, "
"which compiles a convert per shape), and hold the same values."
import jax
import jax.numpy as jnp
import numpy as np
from jax._src import monitoring

from alphaearth_nb import nn

_COUNT = [0]
monitoring.register_event_duration_secs_listener(
    lambda ev, d, **kw: _COUNT.__setitem__(0, _COUNT[0] + (ev == "/jax/core/compile/backend_compile_duration")))


def test_host_arrays_compile_nothing():
    key = jax.random.PRNGKey(7)
    jnp.zeros(1).block_until_ready()  # the backend up
    n0 = _COUNT[0]
    shapes = [(13, 29), (3, 3, 17, 11), (31,)]  # shapes no other test uses
    arrays = [nn.host_normal(key, s, 5) for s in shapes] + [nn.host_const(0.5, (37, 3)), nn.identity3(23)]
    keys = nn.split(key, 19)
    jax.block_until_ready(arrays + keys)
    assert _COUNT[0] == n0, "a host array compiled an XLA program"
    assert all(isinstance(a, jax.Array) and a.dtype == jnp.float32 for a in arrays)
    np.testing.assert_array_equal(np.asarray(arrays[3]), np.full((37, 3), 0.5, np.float32))
    assert float(arrays[4][1, 1, 0]) == 1.0 and float(jnp.abs(arrays[4]).sum()) == 23.0
    assert len(keys) == 19 and keys[0].dtype == jnp.uint32 and keys[0].shape == (2,)
    # the same draws as before (numpy's generator seeded by the key), to the bit
    rng = nn._host_rng(key)
    np.testing.assert_array_equal(np.asarray(arrays[0]), rng.standard_normal(shapes[0], dtype=np.float32) / np.float32(np.sqrt(5)))


def test_scaled_host_normal_is_the_jitted_product():
    "`host_normal(..., scale=s)` (numpy, no compile) has the bits of `s * host_normal(...)` multiplied by XLA."
    key = jax.random.PRNGKey(11)
    jnp.zeros(1).block_until_ready()
    n0 = _COUNT[0]
    scaled = nn.host_normal(key, (7, 9, 5), 1, scale=0.02)
    jax.block_until_ready(scaled)
    assert _COUNT[0] == n0, "the scaled host array compiled an XLA program"
    np.testing.assert_array_equal(np.asarray(scaled), np.asarray(0.02 * nn.host_normal(key, (7, 9, 5), 1)))
    traced = jax.jit(lambda k: nn.host_normal(k, (4, 3), 2, scale=0.02))(key)
    np.testing.assert_array_equal(np.asarray(traced), np.asarray(jax.jit(lambda k: 0.02 * nn.host_normal(k, (4, 3), 2))(key)))


def test_split_of_a_typed_key_compiles_nothing():
    "A typed concrete key (`jax.random.key`, what `fit` builds with) splits on the host: the same keys as the rows "
    "of the raw draw, no XLA program (`list()` of a key array compiled an unstack per n)."
    key = jax.random.key(13)
    jnp.zeros(1).block_until_ready()
    n0 = _COUNT[0]
    keys = [nn.split(key, n) for n in (2, 7, 23)]  # n no other test uses
    jax.block_until_ready(keys)
    assert _COUNT[0] == n0, "splitting a typed key compiled an XLA program"
    raw = nn.split(jax.random.key_data(key), 23)  # the same generator, seeded by the key's data
    assert all(k.dtype == key.dtype and k.shape == () for k in keys[2])
    np.testing.assert_array_equal(np.stack([np.asarray(jax.random.key_data(k)) for k in keys[2]]), np.stack([np.asarray(r) for r in raw]))
    np.testing.assert_array_equal(np.asarray(jax.random.key_data(keys[0][1])), np.asarray(raw[1]))
