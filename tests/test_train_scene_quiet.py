"""`aef train --preset tiny` on the default `--data samples` gave fit's SourceWarning every run: the scene's other
sources 'are not read by the model', with a fix (a stack without them, `--inputs ...`) a shell user of the shipped
scene cannot follow or does not want. The scene holds every preset's sources, so for it nothing is said; a stack of
one's own (`--data stack.nc`) still gets the warning."""
import warnings

from alphaearth_nb import cli, train
from alphaearth_nb.core import ConfigError, SourceWarning
from alphaearth_nb.stacks import toy_stack


def _said(monkeypatch, tmp_path, *data):
    "The unread-source warnings `aef train --preset tiny` gives before its step compiles (stopped there)."
    monkeypatch.setattr(train, "_cached_step", lambda *a, **k: (_ for _ in ()).throw(ConfigError("stop here")))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        rc = cli.main(["--no-compile-cache", "train", "--preset", "tiny", "--steps", "2", "--batch-size", "2",
                       "--out", str(tmp_path / "run"), *data])
    assert rc == 2
    return [str(x.message) for x in w if issubclass(x.category, SourceWarning) and "not read by the model" in str(x.message)]


def test_the_shipped_scene_is_trained_without_the_warning(monkeypatch, tmp_path):
    assert _said(monkeypatch, tmp_path) == []
    assert _said(monkeypatch, tmp_path, "--data", "samples") == []


def test_a_stack_of_ones_own_still_names_what_is_left_out(monkeypatch, tmp_path):
    path = tmp_path / "stack.nc"
    toy_stack(size=48).to_netcdf(path)
    said = _said(monkeypatch, tmp_path, "--data", str(path))
    assert len(said) == 1 and "dem" in said[0] and "sentinel1" in said[0], said
