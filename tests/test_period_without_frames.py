"""A valid period holding no frame (`aef embed --period 2022` on a scene of 2023-2024) was warned of only as 'expect
weak embeddings'; the warning now says no frame lies in the period and names the years that hold frames, the nearest
as the period to pass (`--period 2023` in the CLI's words)."""
import re

import numpy as np
import pytest

from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import ExtrapolationWarning
from alphaearth_nb.embed import embed
from alphaearth_nb.timecodes import as_period, to_days
from alphaearth_nb.windows import check_extrapolation

SCENE = np.array(["2023-01-05", "2023-06-10", "2023-12-20", "2024-03-01", "2024-12-28"], "datetime64[D]")


def _days(t): return to_days(np.asarray(t, "datetime64[ms]"))


@pytest.mark.parametrize("asked, near", [(2022, 2023), (2025, 2024)])
def test_a_period_without_frames_names_the_years_with_frames(asked, near):
    d = _days(SCENE)
    first, last = (d[:3] if asked < 2023 else d[3:])[[0, -1]]
    with pytest.warns(ExtrapolationWarning, match="expect weak") as got:
        check_extrapolation(as_period(asked), float(first), float(last), data=(float(d.min()), float(d.max())), days=d)
    msg = str(next(w.message for w in got if issubclass(w.category, ExtrapolationWarning)))
    assert f"no frame lies in {asked} (the data have frames in 2023, 2024" in msg, msg
    assert f"period={near}" in msg and f"--period {near}" in shell_words(msg, "embed"), msg


def test_a_period_with_a_frame_is_not_said_to_have_none():
    d = _days(np.array(["2022-12-30", "2023-06-10", "2024-06-10"], "datetime64[D]"))
    with pytest.warns(ExtrapolationWarning) as got:
        check_extrapolation(as_period(2022), float(d[1]), float(d[2]), data=(float(d.min()), float(d.max())), days=d)
    assert not any("no frame lies" in str(w.message) for w in got)


def test_embed_says_it(embed_standin):
    stack = embed_standin.make_stack(16, 16)   # frames of 2024
    m = embed_standin.model_on(stack)
    with pytest.warns(ExtrapolationWarning, match=re.escape("no frame lies in 2023 (the data have frames in 2024: "
                                                            "embed one of those, e.g. period=2024")):
        embed(stack, m, 2023, progress=False)
