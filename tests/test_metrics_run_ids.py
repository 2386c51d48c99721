"Each metrics record names its run (`run`, the id its checkpoints record): a run folder where another run's checkpoint " \
"was resumed reads back one run in `fit`'s history, `read_metrics` and the loss plot (field case s36: metrics.jsonl " \
"mixed both runs' records, steps 1-4 of one and 7-8 of the other, drawn as one curve); files without ids read whole."
import dataclasses
import shutil
import warnings

import jax
import pytest

from alphaearth_nb.checkpoint import read_header
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit, plot_history, read_metrics

CFG = TrainConfig(steps=4, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2, keep=5)


def _fit(out, resume=False, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # the two-runs warning: tests/test_two_runs_one_folder
        return fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, config=dataclasses.replace(CFG, **kw),
                   resume=resume, loss_fn=standin_loss, progress=False)


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    d = tmp_path_factory.mktemp("two")
    _fit(d / "a")                   # steps 1-4
    _fit(d / "b", steps=6, seed=1)  # steps 1-6, another run
    return d


def _id(run, step): return read_header(run / "checkpoints" / f"ckpt_{step:08d}.json")["run"]


def test_each_record_names_its_run(two):
    recs = read_metrics(two / "a" / "metrics.jsonl")
    assert [r["step"] for r in recs] == [1, 2, 3, 4] and {r["run"] for r in recs} == {_id(two / "a", 4)}


def test_another_runs_checkpoint_resumed_reads_one_run(two, tmp_path):
    a = shutil.copytree(two / "a", tmp_path / "a")
    for suffix in (".json", ".eqx"): shutil.copy(two / "b" / "checkpoints" / f"ckpt_00000006{suffix}", a / "checkpoints")
    a_id, b_id = _id(two / "a", 4), _id(two / "b", 6)
    _, hist = _fit(a, True, steps=8, seed=1)   # continues b's run from its step 6
    assert [h["step"] for h in hist] == [7, 8] and {h["run"] for h in hist} == {b_id}   # was 1, 2, 3, 4, 7, 8
    m = a / "metrics.jsonl"
    assert [r["step"] for r in read_metrics(m)] == [7, 8]                       # the last run's, as the plot draws
    assert [r["step"] for r in read_metrics(m, run=a_id)] == [1, 2, 3, 4]      # the other run's: kept, by its id
    assert [r["step"] for r in read_metrics(m, run="all")] == [1, 2, 3, 4, 7, 8]
    fig = plot_history(read_metrics(m))                                          # loss.png's panels: no 'run' among any
    texts = [t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()]
    texts += [ax.get_title() for ax in fig.axes] + [ax.get_ylabel() for ax in fig.axes]
    assert len(texts) > len(fig.axes) and "loss" in " ".join(texts)              # the panels say what they draw
    assert not any(t == "run" or t.startswith("run ") for t in texts), texts


def test_a_resume_of_its_own_run_reads_it_whole(two, tmp_path):
    a = shutil.copytree(two / "a", tmp_path / "a")
    _, hist = _fit(a, True, steps=6)
    assert [h["step"] for h in hist] == [1, 2, 3, 4, 5, 6] and len({h["run"] for h in hist}) == 1
    assert [r["step"] for r in read_metrics(a / "metrics.jsonl")] == [1, 2, 3, 4, 5, 6]


def test_a_file_without_ids_reads_whole(tmp_path):
    p = tmp_path / "metrics.jsonl"
    p.write_text('{"step": 1, "loss": 2.0}\n{"step": 2, "loss": 1.0}\n')
    assert read_metrics(p) == [{"step": 1, "loss": 2.0}, {"step": 2, "loss": 1.0}]
