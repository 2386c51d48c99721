"""A period far before (or after) data of several years is judged against the frames the model reads (a year of
them); the message names that support period and the data's whole span, so it does not read as if the data ended
there (found trying the package as a newcomer: 'support period 2023-01-02 .. 2023-12-31' for two years of data)."""
import jax
import numpy as np
import pytest

import alphaearth_nb as aef

from alphaearth_nb.core import PeriodError
from alphaearth_nb.timecodes import as_period, to_days
from alphaearth_nb.windows import check_extrapolation


def _day(s): return float(to_days(np.datetime64(s)))


def test_words_name_the_data_span():
    # two years of data, a period in 2019: the first year of frames is read (backcast), 1462 days from 2019-01-01
    with pytest.raises(PeriodError) as e:
        check_extrapolation(as_period(2019), _day("2023-01-02"), _day("2023-12-31"),
                            data=(_day("2023-01-02"), _day("2024-12-30")))
    msg = str(e.value)
    assert "reaches 1462 days beyond the data's support period 2023-01-02 .. 2023-12-31" in msg
    assert "(the frames the model reads for it, of data over 2023-01-02 .. 2024-12-30)" in msg
    assert "pick a period nearer the data" in msg


def test_same_span_says_it_once():
    with pytest.raises(PeriodError) as e:
        check_extrapolation(as_period(2019), _day("2023-01-02"), _day("2023-12-31"),
                            data=(_day("2023-01-02"), _day("2023-12-31")))
    assert "data over" not in str(e.value)



def test_embed_names_the_stack_span():
    stack, _, _ = aef.load_scene()
    s2 = stack.drop_nodes([n for n in stack.children if n != "sentinel2"]).isel(y=slice(0, 8), x=slice(0, 8))
    t = s2["sentinel2"].time.values
    first, last = (str(v.astype("datetime64[D]")) for v in (t.min(), t.max()))
    assert first[:4] == "2023" and last[:4] == "2024"   # the scene's two years
    model = aef.AlphaEarth(aef.preset("tiny"), key=jax.random.key(0))
    with pytest.raises(PeriodError, match=f"of data over {first} .. {last}"):
        s2.aef.embed(model, 2019, progress=False)
