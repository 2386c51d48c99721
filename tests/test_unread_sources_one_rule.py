"""One rule for a stack's sources the model neither encodes nor decodes, in `fit`, `embed` and `aef embed`: left out,
said first in a `SourceWarning` (a note under `aef embed`) naming them, the model that reads them and the drop that
leaves them out without a word. Was (session 37): `fit` warned and trained, `embed` refused the same stack
(UnknownSourceError), `aef embed` left them out with a bare note; and fit's fix under `aef train` named Python
(`preset(...)`, `stack.drop_nodes`)."""
import warnings

import jax
import numpy as np
import pytest

from alphaearth_nb import train
from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import SourceWarning
from alphaearth_nb.embed import embed
from alphaearth_nb.embed_cmd import _unread_note
from alphaearth_nb.model import AlphaEarth, preset
from alphaearth_nb.stacks import toy_stack
from alphaearth_nb.train import TrainConfig

STACK = toy_stack(size=48)   # sentinel2, sentinel1, dem
TINY_READS = ("aef.preset('tiny', inputs=('sentinel1', 'sentinel2'), targets=('dem', 'sentinel1', 'sentinel2'))")
FLAGS = "--preset tiny --inputs sentinel1,sentinel2 --targets dem,sentinel1,sentinel2"   # --preset: aef train builds small without it


def _fit_said(monkeypatch) -> str:
    "The one SourceWarning fit gives for `tiny` on STACK, before the step compiles (stopped there)."
    monkeypatch.setattr(train, "_cached_step", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("compiled")))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        with pytest.raises(RuntimeError, match="compiled"):
            train.fit("tiny", STACK, config=TrainConfig(steps=1, warmup=0, batch_size=2), progress=False)
    said = [str(x.message) for x in w if x.category is SourceWarning]
    assert len(said) == 1, [str(x.message)[:80] for x in w]
    return said[0]


def test_fit_names_the_sources_and_both_fixes(monkeypatch):
    said = _fit_said(monkeypatch)
    assert said.startswith("the stack's sources dem, sentinel1 are not read by the model (it encodes sentinel2 and "
                           "decodes sentinel2), so training leaves them out"), said
    assert f"`{TINY_READS}` / `aef train {FLAGS}`" in said
    assert "or the preset 'small' (`aef.fit('small', ...)` / `aef train --preset small`)" in said
    assert "`stack.drop_nodes(['dem', 'sentinel1'])`" in said and "refuses" not in said


def test_fit_under_aef_train_names_no_python(monkeypatch):
    shell = shell_words(_fit_said(monkeypatch), "train")   # what `aef train` prints (cli.py)
    assert f"`aef train {FLAGS}`" in shell and "`aef train --preset small`" in shell, shell
    assert "preset(" not in shell and "drop_nodes" not in shell and "fit(" not in shell, shell
    assert "`aef train --inputs sentinel2 --targets sentinel2` (the sources named: the rest left out quietly)" in shell


def test_embed_leaves_them_out_with_the_warning(embed_standin):
    stack = embed_standin.make_stack(16, 16)
    model = embed_standin.model_on(stack)   # reads sentinel1, sentinel2 (its cfg is no ModelConfig)
    extra = stack.copy()
    extra["landsat"] = stack["sentinel2"].to_dataset()[["B2", "B3", "B4"]]
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        got = embed(extra, model, 2024, progress=False)
    said = [str(x.message) for x in w if x.category is SourceWarning]
    assert len(said) == 1 and said[0].startswith("the stack's source landsat is not read by the model (it encodes "
                                                 "sentinel1, sentinel2"), said
    assert "so the embedding leaves it out" in said[0] and "`stack.drop_nodes(['landsat'])`" in said[0]
    np.testing.assert_array_equal(got.values, embed(stack, model, 2024, progress=False).values)   # as if dropped


def test_embed_names_the_model_that_reads_them():
    net = AlphaEarth(preset("tiny"), key=jax.random.key(0))
    with warnings.catch_warnings():
        warnings.simplefilter("error", SourceWarning)   # stopped at the warning: before any tile compiles
        with pytest.raises(SourceWarning) as e:
            embed(STACK, net, 2024, progress=False)
    said = str(e.value)
    assert said.startswith("the stack's sources dem, sentinel1 are not read by the model"), said
    assert f"`aef.fit({TINY_READS}, stack, out=run)` / `aef train {FLAGS}`" in said


def test_aef_embed_note_says_how_to_read_them():
    net = AlphaEarth(preset("tiny"), key=jax.random.key(0))
    note = _unread_note(["dem", "sentinel1"], list(STACK.children), net)
    assert note == ("aef embed: the stack's sources dem, sentinel1 are not read by the model (it encodes sentinel2 "
                    f"and decodes sentinel2): left out; to use them, train a model that reads them: `aef train {FLAGS}`")
    assert _unread_note([], list(STACK.children), net) is None
