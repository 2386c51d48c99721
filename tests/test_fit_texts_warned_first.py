"""fit on a stack given without texts= (load_scene's stack, its texts left out) trained with the CLIP term 0 and said
so only at step 10, while aef train passes the scene's texts: the same steps, other losses. fit now warns before the
first step (TrainingWarning naming `texts=`, `aef train --texts` and load_scene's texts), once: the step-10 warning
is not repeated; with texts, or another loss, nothing is said."""
import functools, warnings

import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import TrainingWarning
from alphaearth_nb.train import TrainConfig

CFG = TrainConfig(steps=1, warmup=1, batch_size=2, checkpoint_every=10, seed=0)


def _first_training_warning(**kw):
    "The first TrainingWarning fit says, made an error so the run stops before the step compiles; None if none."
    stack, texts, _ = aef.load_scene()
    with warnings.catch_warnings():
        warnings.simplefilter("error", TrainingWarning)
        try: aef.fit("tiny", stack, config=CFG, progress=False, **{k: (texts if v == "scene" else v) for k, v in kw.items()})
        except TrainingWarning as w: return str(w)
    return None


def test_a_stack_without_texts_is_warned_before_the_first_step():
    said = _first_training_warning()
    assert said is not None and "came without texts, so the CLIP term is 0 every step" in said, said
    assert "`texts=`" in said and "aef.scene.load_scene(path)" in said and "LossWeights(clip=0)" in said


@pytest.mark.slow
def test_no_warning_with_the_scene_s_texts_or_clip_weighed_0():
    import os
    if not os.environ.get("AEF_RUN_SLOW"): pytest.skip("trains a step: AEF_RUN_SLOW=1")
    assert _first_training_warning(texts="scene") is None
    noclip = functools.partial(aef.losses.total_loss, weights=aef.losses.LossWeights(clip=0))
    assert _first_training_warning(loss_fn=noclip) is None
