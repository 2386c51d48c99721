"""AEF.md section 4 / arXiv 2507.22291 S2.2.5, the student's perturbations at their defaults, by hand: in mode (a)
frames drop at 30% (Landsat), 30% (Sentinel-1) and 50% (Sentinel-2); a forecast (backcast) drops the last (first) six
months of a support longer than a year and summarises exactly those six months (182.625 days, not half the support)."""
import jax
import jax.numpy as jnp
import numpy as np

from alphaearth_nb.core import Frames
from alphaearth_nb.losses import Perturbations, perturb

T = 200
DAYS = jnp.linspace(0.0, 729.0, T)   # two years of frames: support [0, 730)


def _frames(c):
    return Frames(jnp.ones((T, 1, 1, c)), jnp.ones((T, 1, 1, c), bool), DAYS, jnp.ones(T, bool), jnp.zeros((T, 0)))


def test_default_perturbations_by_hand():
    ins = {"sentinel2": _frames(6), "landsat": _frames(6), "sentinel1": _frames(5)}
    per = jnp.array([100.0, 300.0])
    out, pc, mode = jax.jit(jax.vmap(lambda k: perturb(k, ins, per)))(jax.random.split(jax.random.key(7), 400))
    mode, pc = np.asarray(mode), np.asarray(pc)
    fr = {n: np.asarray(out[n].frame) for n in ins}
    a = mode == 0
    for n, rate in (("landsat", 0.3), ("sentinel1", 0.3), ("sentinel2", 0.5)):
        kept = fr[n][a][fr[n][a].any(1)]          # examples of mode (a) whose family was not dropped whole
        # 400 x 1/3 examples x 200 frames: the kept share's standard error is about 0.003
        np.testing.assert_allclose(kept.mean(), 1 - rate, atol=0.02, err_msg=n)
    six = Perturbations().horizon_days
    assert six == 365.25 / 2
    d = np.asarray(DAYS)
    for i in np.flatnonzero(mode == 1)[:5]:       # forecast: the last six months of [0, 730)
        np.testing.assert_allclose(pc[i], [730.0 - 182.625, 730.0], atol=1e-3)
        assert (fr["sentinel2"][i] == (d < 730.0 - 182.625)).all()
    for i in np.flatnonzero(mode == 2)[:5]:       # backcast: the first six months
        np.testing.assert_allclose(pc[i], [0.0, 182.625], atol=1e-3)
        assert (fr["sentinel2"][i] == (d >= 182.625)).all()
    assert (mode == 1).any() and (mode == 2).any()
    np.testing.assert_allclose(np.bincount(mode, minlength=3) / len(mode), [1 / 3] * 3, atol=0.08)
