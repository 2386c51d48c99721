"""A map (or cube) that holds no value at all, every value NaN or its declared fill (-128 in int8 codes), is refused
by every analysis door with `NoValidDataError` naming the door, the input and what to check (`gate.refuse_no_data`):
`similarity`, `change` (either map), `yearly_change`, `classify`, `regress`, `cluster`, `rgb`. Was: similarity,
change and yearly_change NaN everywhere without a word, classify 'none of the labelled pixels has embedding data'.
A map the gate empties (int8 codes decoded by another rule, / 127.5) keeps the gate's warning naming its fix and is
not refused so (session 46's try lost that warning); a cube's year without data is NaN, warned (`over_time`)."""

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import NoDataWarning, NoValidDataError
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, random_unit

TIMES = pd.to_datetime(["2022-01-01", "2023-01-01", "2024-01-01"])


def _map(seed=3):
    return embedding_from_array(random_unit((4, 5), seed=seed))


def _labels(m):
    return xr.DataArray((np.arange(20).reshape(4, 5) % 2).astype(np.int16), dims=("y", "x"),
                        coords={"y": m.y, "x": m.x})


def _cube(maps):
    return xr.concat(maps, "time").assign_coords(time=TIMES)


DOORS = {
    "similarity": lambda e, m: aef.similarity(e, m.values[0, 0]),
    "similarity of a point": lambda e, m: aef.similarity(e, (float(m.x[1]), float(m.y[1]))),
    "change": lambda e, m: aef.change(e, m),
    "classify": lambda e, m: aef.classify(e, _labels(m), k=1),
    "regress": lambda e, m: aef.analysis.regress(e, _labels(m).astype(np.float32)),
    "cluster": lambda e, m: aef.analysis.cluster(e, 2),
    "rgb": lambda e, m: aef.analysis.rgb(e),
}


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("form", ["NaN", "int8 -128", "A00..A63 Dataset"])
def test_a_map_without_data_is_refused_at_every_door(door, form):
    m = _map()
    nan = m * np.nan
    e = {"NaN": nan, "int8 -128": quantize(nan), "A00..A63 Dataset": nan.to_dataset("band")}[form]
    with pytest.raises(NoValidDataError, match=r"the map `emb` holds no data|`emb` holds no data") as err:
        DOORS[door](e, m)
    assert door.split()[0] in str(err.value) and "year" in str(err.value), str(err.value)
    if form == "int8 -128": assert "-128" in str(err.value)


def test_change_names_the_second_map_and_yearly_change_the_cube():
    m = _map()
    with pytest.raises(NoValidDataError, match=r"change: `other` holds no data"):
        aef.change(m, m * np.nan)
    with pytest.raises(NoValidDataError, match=r"yearly_change: the cube holds no data"):
        aef.cubes.yearly_change(_cube([m * np.nan] * 3))


def test_a_small_lazy_map_is_judged_too():
    with pytest.raises(NoValidDataError, match="similarity: the map `emb` holds no data"):
        aef.similarity((_map() * np.nan).chunk({"y": 2}), _map().values[0, 0])


def test_a_map_the_gate_empties_keeps_the_gates_warning():
    "int8 codes / 127.5: no embedding anywhere; the gate's warning names the fix, and no NoValidDataError replaces it."
    codes = embedding_from_array(np.asarray(quantize(random_unit((4, 5), seed=3))) / 127.5)
    with pytest.warns(Warning, match=r"127\.5"):
        s = aef.similarity(codes, _map().values[0, 0])
    assert s.isnull().all()


def test_a_cube_year_without_data_is_no_data_and_said():
    m = _map()
    cube = _cube([m, m * np.nan, _map(4)])
    with pytest.warns(NoDataWarning, match=r"similarity: no data for time 2023-01-01"):
        s = aef.similarity(cube, m.values[0, 0])
    assert s.isel(time=1).isnull().all() and np.isfinite(s.isel(time=[0, 2]).values).all()


def test_change_of_a_cube_with_a_year_without_data_against_a_map():
    "`change`'s maps hold no `time` (their years in attrs): the no-data year joins them (was xarray's ValueError)."
    m = _map()
    cube = _cube([m, m * np.nan, _map(4)])
    with pytest.warns(NoDataWarning, match=r"change: no data for time 2023-01-01"):
        c = aef.change(cube, m)
    assert c.sizes["time"] == 3 and c.isel(time=1).isnull().all() and float(c.isel(time=0).max()) < 1e-6
