"""`aef train` of a multi-source file warned at every run and resume that its unread sources are left out, and the
only way out it named was a Python step (`aef train --data` of a stack without them; s57 newcomer #11). The warning
now names `aef train --inputs ... --targets ...`, and a run that names them says nothing of the rest."""
import warnings

from alphaearth_nb import train
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError, SourceWarning


def _shown(data, tmp_path, capsys, monkeypatch, *flags) -> bool:
    shown = []
    def fit(net, stack, **k):   # fit's own warning (`train._warn_unread`), then stop: the command's filter is tested
        with warnings.catch_warnings(record=True) as got:
            warnings.warn("the stack's sources dem, sentinel1 are not read by the model (...)", SourceWarning)
        shown.append(bool(got))
        raise ConfigError("stop here")
    monkeypatch.setattr(train, "fit", fit)
    code = main(["train", "--preset", "tiny", "--data", str(data), "--steps", "2", "--out", str(tmp_path / "run"), *flags])
    err = capsys.readouterr().err
    assert code == 2 and "stop here" in err and len(shown) == 1, err
    return shown[0]


def test_named_sources_leave_the_rest_out_quietly(tmp_path, capsys, monkeypatch, crop):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        crop.to_zarr(tmp_path / "s.zarr")
    assert _shown(tmp_path / "s.zarr", tmp_path, capsys, monkeypatch)
    assert not _shown(tmp_path / "s.zarr", tmp_path, capsys, monkeypatch, "--inputs", "sentinel2", "--targets", "sentinel2")
