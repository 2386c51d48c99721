"""A source no model reads is checked by training as every source is (an all-NaN one refused: `samples.prepare`,
session 51), but `embed` left it out before validating, so the same stack was refused by `fit` and embedded by
`embed` / `aef embed` without a word of it. `embed` now validates the stack with its unread sources (their
refusals stand, their warnings unsaid), then leaves them out, said; `aef embed` hands them on to it."""
import warnings

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb import embed_cmd
from alphaearth_nb.cli import main
from alphaearth_nb.core import NoValidDataError
from alphaearth_nb.stacks import toy_stack


def _stack():
    "tiny reads sentinel2 alone: the toy stack's dem is unread, and here all NaN."
    st = toy_stack(size=32)
    dem = st["dem"].to_dataset()
    st["dem"] = dem.map(lambda v: v * np.nan if v.dtype.kind == "f" else v)
    return st


def test_embed_refuses_an_all_nan_unread_source():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(NoValidDataError, match="dem"):
            aef.embed(_stack(), aef.model.init("tiny"), 2021)


def test_aef_embed_refuses_it_too(tmp_path, capsys, monkeypatch):
    _stack().to_zarr(tmp_path / "st.zarr", consolidated=False)
    (tmp_path / "run").mkdir()
    monkeypatch.setattr(embed_cmd, "open_input", lambda *a, **k: aef.model.init("tiny"))
    code = main(["embed", "--checkpoint", str(tmp_path / "run"), "--data", str(tmp_path / "st.zarr"),
                 "--period", "2021", "--out", str(tmp_path / "e.zarr")])
    err = capsys.readouterr().err
    assert code == 2 and "dem" in err and not (tmp_path / "e.zarr").exists(), err
