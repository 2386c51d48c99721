"""A map labelled with a year the model read no frame of (`embed(..., allow_extrapolation=True)` of 2023 from frames
of 2024: support_start/support_end outside its period) entered `change` and `join_years` without a word, so a change
'from 2023 to 2024' was the change between frames of one year. Both now warn (`TimeWarning`) naming the label and the
frames' span; maps whose frames lie in their year, and maps that record no support (official), pass silently."""
import warnings

import pytest

from alphaearth_nb.analysis import change
from alphaearth_nb.core import ExtrapolationWarning, TimeWarning
from alphaearth_nb.embed import embed
from alphaearth_nb.testing import random_unit
from alphaearth_nb.years import join_years, warn_support_outside


@pytest.fixture(scope="module")
def two_maps(embed_standin):
    stack = embed_standin.make_stack(16, 16)   # frames of 2024
    m = embed_standin.model_on(stack)
    with pytest.warns(ExtrapolationWarning):
        e23 = embed(stack, m, 2023, progress=False, allow_extrapolation=True)
    return e23, embed(stack, m, 2024, progress=False)


def test_change_warns_of_a_year_without_frames(two_maps):
    e23, e24 = two_maps
    with pytest.warns(TimeWarning, match=r"the first map `emb` is labelled 2023 but the model read no frame of it: "
                                         r"its frames span 2024-"):
        out = change(e23, e24)
    assert out.attrs["from_year"] == 2023   # still named as labelled: the warning says what it is


def test_join_years_warns_of_it(two_maps):
    e23, e24 = two_maps
    with pytest.warns(TimeWarning, match="map 0 is labelled 2023 but the model read no frame"):
        join_years([e23, e24])


def test_maps_inside_their_years_pass_silently(two_maps):
    _, e24 = two_maps
    plain = e24.copy(data=random_unit((16, 16), seed=1))
    plain.attrs = {k: v for k, v in e24.attrs.items() if not k.startswith(("support", "period"))} | \
        {"period_start": "2023-01-01"}   # records no support (an official map)
    with warnings.catch_warnings():
        warnings.simplefilter("error", TimeWarning)
        change(plain, e24)
    assert not warn_support_outside(e24) and not warn_support_outside(plain)


def test_aef_change_says_it(two_maps, tmp_path, capsys):   # the newcomer's: stores of embed, then `aef change`
    from alphaearth_nb.cli import main
    from alphaearth_nb.exports import to_zarr
    e23, e24 = two_maps
    to_zarr(e23, tmp_path / "e23.zarr"); to_zarr(e24, tmp_path / "e24.zarr")
    with pytest.warns(TimeWarning, match="is labelled 2023 but the model read no frame of it"):
        assert main(["change", "--embeddings", str(tmp_path / "e23.zarr"), "--embeddings",
                     str(tmp_path / "e24.zarr"), "--out", str(tmp_path / "c.tif")]) == 0
    assert "change from 2023 to 2024" in capsys.readouterr().out   # still named as labelled, after the warning
