"""A warning `aef train` can show whose fix has no flag says so and gives the Python that does it, intact under the
command's words (cli_args.shell_words). Session 36. Was: 'or set LossWeights.clip=0 to say so', a setting no flag
sets and no Python either (LossWeights is frozen, and fit takes no weights: a loss_fn does)."""
import functools
import re
import warnings

import alphaearth_nb as aef
from alphaearth_nb import losses, train
from alphaearth_nb.cli_args import shell_words


def _texts_warning() -> str:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        assert train._warn_texts({"texts": 0}, 9) == 10   # the 10th textless step: warned
    assert len(w) == 1
    return str(w[0].message)


def test_no_text_names_the_flag_and_the_python_that_weighs_clip_0():
    shown = shell_words(_texts_warning(), "train")
    assert "over the stack's area and period (`--texts`: y, x in its CRS, time, text)" in shown, shown   # s55: the
    assert "draw larger batches (`--batch-size`)" in shown and "texts=" not in shown, shown   # cause and its flags
    assert "which needs Python (no flag of `aef train` sets it)" in shown, shown
    code = re.search(r"pass fit `loss_fn=(functools\.partial\([^`]*\))`", shown)
    assert code, shown
    fn = eval(code.group(1), {"functools": functools, "aef": aef})   # the snippet as shown runs after `import ... as aef`
    assert fn.func is losses.total_loss and fn.keywords["weights"] == losses.LossWeights(clip=0), fn


def test_vectors_that_are_none_say_the_commands_read_them_as_no_data():
    "Hand-worked: one all-zero pixel of 16 is no embedding vector; as_embedding warns, with the Python fix marked."
    import numpy as np
    from alphaearth_nb.embeddings import as_embedding
    from alphaearth_nb.testing import embedding_from_array, random_unit
    v = random_unit((4, 4), seed=0)
    v[0, 0] = 0
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        got = as_embedding(embedding_from_array(v))
    said = [str(x.message) for x in w if "are not embedding vectors" in str(x.message)]
    assert len(said) == 1 and said[0].startswith("1 of 16 pixels"), [str(x.message) for x in w]
    shown = shell_words(said[0], "evaluate")
    assert shown.endswith("keep the cleaned form with `emb = aef.embeddings.as_embedding(emb)` (in Python; `aef "
                          "evaluate` and the other commands read them as no data already)"), shown
    assert np.isnan(got.values[0, 0]).all() and np.isfinite(got.values[1:]).all()   # treated as no data


def test_collapse_names_the_flags_and_the_python_for_the_weight():
    "Hand-worked: 10 logged steps of uniformity 0.99 (past COLLAPSED) warn once; the default weight 0.05, doubled."
    run = 0
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        for k in range(10): run = losses.collapse_watch({"step": k + 1, "uniformity": 0.99}, run)
    assert run == -1 and len(w) == 1
    shown = shell_words(str(w[0].message), "train")
    assert "try a lower --lr or a longer warmup (TrainConfig; `aef train --lr`, `--warmup`), a larger --batch-size" \
        in shown, shown
    assert "which needs Python (no flag of `aef train` sets it)" in shown and "(the default: 0.05)" in shown, shown
    code = re.search(r"pass fit `loss_fn=(functools\.partial\([^`]*\))`", shown)
    fn = eval(code.group(1), {"functools": functools, "aef": aef})   # the snippet as shown runs after `import ... as aef`
    assert fn.keywords["weights"] == losses.LossWeights(uniformity=0.1), fn


def test_a_plot_not_drawn_names_the_python_that_draws_it(tmp_path, monkeypatch):
    "Hand-worked: plot_history failing inside fit: the warning's call, run as shown under aef train, draws the plot."
    from pathlib import Path
    (tmp_path / "metrics.jsonl").write_text('{"step": 1, "loss": 2.0}\n{"step": 2, "loss": 1.0}\n')
    real = train.plot_history
    def broken(*a, **k): raise RuntimeError("no display")
    monkeypatch.setattr(train, "plot_history", broken)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        train._plot_quietly([{"step": 1, "loss": 2.0}], tmp_path / "loss.png")
    shown = shell_words(str(w[0].message), "train")
    assert "draw it later, in Python (no `aef` command draws it), with `aef.train.plot_history(" in shown, shown
    call = re.search(r"with `(aef\.train\.plot_history\(.*\))`\.$", shown).group(1)
    monkeypatch.setattr(train, "plot_history", real)
    eval(call, {"aef": aef})
    assert Path(tmp_path / "loss.png").stat().st_size > 0
