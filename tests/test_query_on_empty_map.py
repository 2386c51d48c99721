"""A point query on a map the gate emptied (int8 codes decoded as q/127, or all zero: the gate warns, naming why) said
'the pixel at x=.. has no data (NaN): choose a point with data', though no pixel has any: it now says the map holds
no data as read and why (the gate's reason, a lazy map's from its sample; else that the gate warns why); a point in a hole of a map with data is told as before."""
import numpy as np
import pytest

from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import NoDataWarning, NoValidDataError
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, random_unit


def _emptied(kind):
    u = random_unit((6, 7), seed=1)
    return quantize(u).astype(np.float32) / 127 if kind == "q/127" else np.zeros_like(u)


@pytest.mark.parametrize("lazy", [False, True])
@pytest.mark.parametrize("kind", ["q/127", "zeros"])
def test_a_point_on_a_map_the_gate_emptied_says_the_map_holds_no_data(kind, lazy):
    emb = embedding_from_array(_emptied(kind))
    emb = emb.chunk({"y": 3, "x": 4}) if lazy else emb
    with pytest.warns(NoDataWarning, match="treated as no data"), pytest.raises(NoValidDataError) as e:
        similarity(emb, (float(emb.x[2]), float(emb.y[3])))
    msg = str(e.value)
    said = "aef.dequantize(" in msg if kind == "q/127" else "the gate warns why" in msg   # the gate's reason (a lazy
    # map's from its sample, s56); none to keep (all zero): no "warning above", which silenced warnings did not show
    assert "holds no data as read" in msg and said and "choose a point with data" not in msg, msg   # where it is kept


def test_a_point_in_a_hole_is_told_to_choose_another():
    u = random_unit((6, 7), seed=1)
    u[3, 2] = np.nan
    emb = embedding_from_array(u)
    with pytest.raises(NoValidDataError, match="has no data \\(NaN\\): choose a point with data"):
        similarity(emb, (float(emb.x[2]), float(emb.y[3])))
