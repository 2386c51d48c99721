"""The loss plot of `fit` (case E18-1): drawn under a lock, so runs in threads of one process both finish; and a plot
that fails is a warning, never the end of a training run (the numbers are in metrics.jsonl)."""
import threading

import jax
import pytest

import alphaearth_nb.train as tr
from alphaearth_nb.core import TrainingWarning
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit, plot_history, read_metrics


def test_plot_history_in_threads(tmp_path):
    # log-scale tick labels go through matplotlib's mathtext parser, one per process and not thread-safe; each
    # drawing spans other decades, so its labels are new strings (mathtext caches what it parsed once)
    def hist(scale): return [{"step": k, "loss": 0.7 * 0.9 ** k * scale, "a": 3e-3 * (k + 1) * scale} for k in range(30)]
    errors = []
    def draw(i):
        for j in range(3):
            try: plot_history(hist(10.0 ** -(4 * (3 * i + j))), tmp_path / f"loss{i}_{j}.png")
            except Exception as e: errors.append(f"{type(e).__name__}: {e}")
    threads = [threading.Thread(target=draw, args=(i,)) for i in range(4)]
    for t in threads: t.start()
    for t in threads: t.join()
    assert errors == []
    assert len(list(tmp_path.glob("loss*.png"))) == 12


def test_fit_goes_on_when_the_plot_fails(tmp_path, monkeypatch):
    def broken(history, path=None, smooth=10): raise ValueError("a parser that is not thread-safe")
    monkeypatch.setattr(tr, "plot_history", broken)
    cfg = TrainConfig(steps=6, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2, keep=5)
    with pytest.warns(TrainingWarning, match="loss plot .* not drawn .*ValueError.*metrics.jsonl"):
        state, hist = fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path / "run", config=cfg,
                          loss_fn=standin_loss, progress=False)
    assert int(state.step) == 6 and [h["step"] for h in hist] == [1, 2, 3, 4, 5, 6]
    assert [h["step"] for h in read_metrics(tmp_path / "run" / "metrics.jsonl")] == [1, 2, 3, 4, 5, 6]
    assert len(list((tmp_path / "run" / "checkpoints").glob("ckpt_*.json"))) == 3


def test_two_fits_in_threads(tmp_path):  # the newcomer's repro: a learning-rate sweep in threads
    cfg = TrainConfig(steps=6, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2, keep=5)
    errors = []
    def go(i):
        try: fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path / f"run{i}", config=cfg,
                 loss_fn=standin_loss, progress=False)
        except Exception as e: errors.append(f"{type(e).__name__}: {e}")
    threads = [threading.Thread(target=go, args=(i,)) for i in (0, 1)]
    for t in threads: t.start()
    for t in threads: t.join()
    assert errors == []
    assert all((tmp_path / f"run{i}" / "loss.png").exists() for i in (0, 1))
