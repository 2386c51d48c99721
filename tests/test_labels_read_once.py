"""A labels file was read two or three times for every year of a cube (s56 stop re-read s1 #4): `gated_placed` read
it to ask whether it is a table of labelled vectors (`table_file`), dropped it, and `place_labels` read it again to
place it (a third time on an off-map refusal, for the "own vectors" fix). Now `gated_placed`, `gated_training_set`
and `place_labels` read it once a call, and pass the table read on."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import analysis, geometries, supervised
from alphaearth_nb.core import LabelError
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture
def opens(monkeypatch):
    "The files `geometries.table_file` reads (`read_places_file`), one entry a read."
    seen, read = [], geometries.read_places_file
    def counted(p, *a, **k):
        seen.append(str(p))
        return read(p, *a, **k)
    monkeypatch.setattr(geometries, "read_places_file", counted)
    return seen


def _map(seed=0):
    m = embedding_from_array(random_unit((12, 12), seed))
    return m.assign_coords(y=5e6 - 10.0 * np.arange(12), x=5e5 + 10.0 * np.arange(12))


def _labels(tmp_path, m, far=False):
    "Eight labelled points of two classes on map `m` (and one east of it with `far`), as a CSV: its path."
    x, y = m.x.values, m.y.values
    t = pd.DataFrame({"x": x[[1, 3, 5, 7, 2, 4, 6, 8]], "y": y[[1, 3, 5, 7, 9, 8, 6, 4]], "label": [1] * 4 + [2] * 4})
    if far: t = pd.concat([t, pd.DataFrame({"x": [x[-1] + 1e4], "y": [y[0]], "label": [2]})], ignore_index=True)
    (p := tmp_path / "labels.csv").write_text(t.to_csv(index=False))
    return p


@pytest.mark.parametrize("call", ["gated_placed", "gated_training_set", "place_labels"])
def test_one_map_reads_its_labels_file_once(tmp_path, opens, call):
    m = _map()
    p = _labels(tmp_path, m)
    fn = {"gated_placed": lambda: supervised.gated_placed(m, p, None, crs="EPSG:32631"),
          "gated_training_set": lambda: supervised.gated_training_set(m, p, crs="EPSG:32631"),
          "place_labels": lambda: supervised.place_labels(m, p, crs="EPSG:32631")}[call]
    fn()
    assert opens == [str(p)], opens   # was 2 (gated_placed: the vector-table question, then placing)


def test_an_off_map_refusal_reads_the_file_once(tmp_path, opens):
    m = _map()
    p = _labels(tmp_path, m, far=True)
    with pytest.raises(LabelError, match="outside the grid"):
        supervised.gated_placed(m, p, None, crs="EPSG:32631")
    assert opens == [str(p)], opens   # was 3: the own-vectors fix read it again


def test_a_three_year_cube_reads_its_labels_file_once_a_year(tmp_path, opens):
    m = _map()
    cube = xr.concat([m, _map(1), _map(2)], dim="time").assign_coords(
        time=np.array(["2021-01-01", "2022-01-01", "2023-01-01"], "datetime64[ns]"))
    p = _labels(tmp_path, m)
    with pytest.warns(Warning):   # the labels record no year: each year trains on its own vectors
        out = analysis.classify(cube, p, crs="EPSG:32631")
    assert out.sizes["time"] == 3
    assert len(opens) <= 1 + 3, opens   # the year column asked once (per_year), then once a year; was 1 + 2 x 3
