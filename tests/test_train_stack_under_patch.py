"""`aef train --preset lite` on a stack smaller than its 128-pixel patch built the 480M-parameter model first (73 s,
5.2 GB on 2 busy cores) and then said 'lower SamplerConfig.patch', a Python setting the command has no option for;
the plan promised 'about 20 s' of compiling for every preset (s57 newcomer #6). Now the stack is refused before the
model is built, naming the presets whose patches fit, and lite's plan says minutes."""
import warnings

from alphaearth_nb import model
from alphaearth_nb.cli import main


def test_a_stack_under_lites_patch_is_refused_before_the_model_is_built(tmp_path, crop, capsys, monkeypatch):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        crop.to_zarr(tmp_path / "s.zarr")   # 40 x 40 pixels, every preset's sources
    def built(*a, **k): raise AssertionError("the model was built")
    monkeypatch.setattr(model, "AlphaEarth", built)
    code = main(["--no-compile-cache", "train", "--preset", "lite", "--data", str(tmp_path / "s.zarr"), "--steps", "1",
                 "--out", str(tmp_path / "run")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "--preset lite reads 128 x 128-pixel patches, the stack" in err and "has 40 x 40 pixels: use --preset " \
        "tiny (32-pixel patches) or small (32-pixel patches), or a larger --data" in err, err
    assert "SamplerConfig" not in err and "several minutes for lite" in err and "about 20 s" not in err, err
