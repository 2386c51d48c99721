"""A valid period holding no frame (`aef embed --period 2022` on a scene of 2023-2024) was warned of only as 'expect
weak embeddings', and the map it wrote was labelled 2022 (`aef change` then said 'change from 2022 to 2024'). It is
now a `PeriodError` naming the years that hold frames, the nearest as the period to pass (`--period 2023` in the CLI's
words), and `allow_extrapolation=True` (`--allow-extrapolation`) to embed it anyway, with the warning. Nearer periods
(the paper's extrapolation, about 6 months past the support: AEF.md section 3) pass as before."""
import re
import warnings

import numpy as np
import pytest

from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import ExtrapolationWarning, PeriodError
from alphaearth_nb.embed import embed
from alphaearth_nb.timecodes import as_period, to_days
from alphaearth_nb.windows import check_extrapolation

SCENE = np.array(["2023-01-05", "2023-06-10", "2023-12-20", "2024-03-01", "2024-12-28"], "datetime64[D]")


def _days(t): return to_days(np.asarray(t, "datetime64[ms]"))


def _args(asked):
    d = _days(SCENE)
    first, last = (d[:3] if asked < 2023 else d[3:])[[0, -1]]
    return (as_period(asked), float(first), float(last)), dict(data=(float(d.min()), float(d.max())), days=d)


@pytest.mark.parametrize("asked, near", [(2022, 2023), (2025, 2024)])
def test_a_period_without_frames_is_refused_naming_the_years_with_frames(asked, near):
    a, kw = _args(asked)
    with pytest.raises(PeriodError) as got:
        check_extrapolation(*a, **kw)
    msg = str(got.value)
    assert f"no frame lies in {asked} (the data have frames in 2023, 2024" in msg, msg
    assert f"period={near}" in msg and f"--period {near}" in shell_words(msg, "embed"), msg
    assert "allow_extrapolation=True" in msg and "--allow-extrapolation" in shell_words(msg, "embed"), msg


@pytest.mark.parametrize("asked", [2022, 2025])
def test_asked_for_it_is_embedded_with_the_warning(asked):
    a, kw = _args(asked)
    with pytest.warns(ExtrapolationWarning, match=f"no frame lies in {asked}"):
        check_extrapolation(*a, **kw, allow_extrapolation=True)


def test_a_period_with_a_frame_is_not_said_to_have_none():
    d = _days(np.array(["2022-12-30", "2023-06-10", "2024-06-10"], "datetime64[D]"))
    with pytest.warns(ExtrapolationWarning) as got:
        check_extrapolation(as_period(2022), float(d[1]), float(d[2]), data=(float(d.min()), float(d.max())), days=d)
    assert not any("no frame lies" in str(w.message) for w in got)


def test_a_near_period_without_frames_passes():   # a month after the data: the paper's extrapolation
    d = _days(SCENE)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ext = check_extrapolation(as_period(("2025-01-01", "2025-02-01")), float(d[3]), float(d[-1]), days=d)
    assert 0 < ext < 182.625


def test_embed_refuses_it_and_embeds_it_when_asked(embed_standin):
    stack = embed_standin.make_stack(16, 16)   # frames of 2024
    m = embed_standin.model_on(stack)
    with pytest.raises(PeriodError, match=re.escape("no frame lies in 2023 (the data have frames in 2024: "
                                                    "embed one of those, e.g. period=2024")):
        embed(stack, m, 2023, progress=False)
    with pytest.warns(ExtrapolationWarning, match="no frame lies in 2023"):
        e = embed(stack, m, 2023, progress=False, allow_extrapolation=True)
    assert e.attrs["period_start"].startswith("2023") and e.attrs["support_start"].startswith("2024")
    with pytest.raises(Exception, match="allow_extrapolation='no' is not True or False"):
        embed(stack, m, 2023, progress=False, allow_extrapolation="no")
