"""AEF.md section 4 / arXiv 2507.22291 S2.2.5 through the training path (`losses.example_terms`, `total_loss`): the
consistency term is 1 - u . u_s between the teacher (full input) and the student (perturbed input) summarised over ONE
period, the perturbation's (a forecast's or backcast's own period, not the example's), and its gradient reaches the
encoder through the teacher too (no stop-gradient by default)."""
import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb.losses import LossWeights, Perturbations, example_terms, perturb, perturb_draws, total_loss
from alphaearth_nb.model import dummy_example, family, init, preset


@pytest.fixture(scope="module")
def tiny():
    cfg = preset("tiny", blocks=1)
    return init(cfg, 0), cfg


def _forecast_key(n_inputs:int):
    "A key whose perturbation is a forecast or backcast (mode 1 or 2): its period is not the example's."
    for i in range(100):
        key = jax.random.key(i)
        kp = jax.random.split(key)[0]
        if int(perturb_draws(kp, n_inputs, n_inputs, 8)[1]) != 0: return key
    raise AssertionError("no forecast key in 100")


def test_teacher_and_student_share_the_perturbations_period(tiny):
    model, cfg = tiny
    ex = dummy_example(cfg, 0)
    key = _forecast_key(len(cfg.inputs))
    got = float(eqx.filter_jit(example_terms)(model, ex, key)["consistency"])
    # by hand: the same perturbation (example_terms perturbs with the first half of its key), each side encoded alone
    fams = {n: family(cfg.source(n)) for n in cfg.inputs}
    ins_s, period_c, mode = perturb(jax.random.split(key)[0], ex.inputs, ex.period, Perturbations(), fams)
    assert int(mode) in (1, 2) and not np.allclose(np.asarray(period_c), np.asarray(ex.period))

    @eqx.filter_jit
    def field(m, inputs, period): return m.summarise(m.encode(m.check_inputs(inputs)), period)

    u_s = field(model, ins_s, period_c)
    want = float(jnp.mean(1 - jnp.sum(field(model, ex.inputs, period_c) * u_s, -1)))
    wrong = float(jnp.mean(1 - jnp.sum(field(model, ex.inputs, ex.period) * u_s, -1)))  # teacher at the example's
    np.testing.assert_allclose(got, want, rtol=1e-3, atol=1e-6)
    assert abs(wrong - want) > 10 * (abs(got - want) + 1e-6), (got, want, wrong)


def test_consistency_gradient_trains_the_teacher_in_total_loss(tiny):
    "Only the consistency term weighted: the encoder's gradient with stop_teacher=False (the default) is the " \
    "student's (stop_teacher=True) plus the teacher's, which is not zero."
    model, cfg = tiny
    batch = dummy_example(cfg, 0, batch=2)
    only = dict(recon=0.0, uniformity=0.0, clip=0.0, consistency=1.0)

    @eqx.filter_jit
    def enc_grad(m, stop):
        g = eqx.filter_grad(lambda m: total_loss(m, batch, jax.random.key(5), LossWeights(**only, stop_teacher=stop))[0])(m)
        return jnp.concatenate([jnp.ravel(x) for x in jax.tree.leaves(eqx.filter(g.encoder, eqx.is_array))])

    assert LossWeights().stop_teacher is False
    both, student = np.asarray(enc_grad(model, False)), np.asarray(enc_grad(model, True))
    teacher = both - student
    assert np.linalg.norm(student) > 0
    assert np.linalg.norm(teacher) > 0.05 * np.linalg.norm(student), (np.linalg.norm(teacher), np.linalg.norm(student))
