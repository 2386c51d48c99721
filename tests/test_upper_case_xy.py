"""A label table with upper-case X/Y columns (ArcGIS's Add XY Coordinates, a spreadsheet) was refused as having no
coordinate columns, and X/Y holding degrees (5.99, 45.00) were called 'projected coordinates'. A table file's X/Y
(any case) are now read as x/y (`tables._xy_lower`, at `read_table`: every CSV of the commands and of Python paths),
and a table's coordinate names are judged by their values: degrees under x/y-like names (Easting/Northing) are named
longitude and latitude."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import analysis
from alphaearth_nb.coordinates import coordinate_hint, coordinate_names
from alphaearth_nb.core import LabelError
from alphaearth_nb.geometries import read_geometries
from alphaearth_nb.tables import read_table
from alphaearth_nb.testing import embedding_from_array, random_unit

pyproj = pytest.importorskip("pyproj")


def _emb():
    return embedding_from_array(random_unit((20, 20), seed=3))   # EPSG:32631, 10 m


def _table(e, deg:bool, names=("X", "Y")):
    rows, cols = [2, 5, 15, 17], [3, 14, 6, 16]
    x, y = e.x.values[cols], e.y.values[rows]
    if deg: x, y = pyproj.Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(x, y)
    return pd.DataFrame({names[0]: x, names[1]: y, "label": ["a", "a", "b", "b"]})


@pytest.mark.parametrize("deg", [False, True])
def test_a_file_of_upper_case_x_y_classifies_as_lower_case_does(tmp_path, deg):
    e = _emb()
    _table(e, deg).to_csv(tmp_path / "up.csv", index=False)
    _table(e, deg, ("x", "y")).to_csv(tmp_path / "low.csv", index=False)
    assert list(read_table(tmp_path / "up.csv").columns[:2]) == ["x", "y"]
    up, low = (analysis.classify(e, str(tmp_path / f), k=1)["class"].values for f in ("up.csv", "low.csv"))
    np.testing.assert_array_equal(up, low)
    assert (up >= 0).all()


def test_degrees_under_projected_names_are_named_longitude_and_latitude():
    t = _table(_emb(), True, ("Easting", "Northing"))
    assert coordinate_names(t) == ("lonlat", "Easting", "Northing")
    assert coordinate_names(t.columns) == ("xy", "Easting", "Northing")   # names alone: as before
    assert "look like longitude and latitude" in coordinate_hint(t)
    with pytest.raises(LabelError, match="'Easting' and 'Northing' look like longitude and latitude"):
        read_geometries(t)
    metres = _table(_emb(), False, ("Easting", "Northing"))
    assert coordinate_names(metres) == ("xy", "Easting", "Northing")
