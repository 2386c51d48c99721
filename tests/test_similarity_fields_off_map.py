"""`aef similarity --points` of field polygons with one field wholly off the map exited 0 and mapped the other (points
were refused since 21ef0e13; fields were not), its warning calling the fields points; fields all off the map were
'none of its 1 points'. A point off the map was named in the map's CRS (x=500575) though typed as --point LON,LAT.
Now a field off the map is refused as a point is (the side, which field from 0, --off-map drop), drop's warning and
the all-off refusal say fields, and points are named as typed (lon/lat) beside the grid's x/y. Fails on f54a6ee4."""
import geopandas as gpd
import pytest
import shapely
from pyproj import Transformer

pytest.importorskip("rioxarray")
from alphaearth_nb.cli import main
from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


def _map(tmp_path):
    e = embedding_from_array(random_unit((6, 8), seed=2).astype("float32")).assign_attrs(crs="EPSG:32631")
    to_cog(e, tmp_path / "e.tif", overviews=False)
    return e, float(e.x[2]), float(e.y[2]), float(e.x[-1]) + 500


def test_a_field_off_the_map_is_refused_and_drop_says_fields(tmp_path, capsys):
    e, x0, y0, x1 = _map(tmp_path)
    gpd.GeoDataFrame({"n": [0, 1]}, geometry=[shapely.box(x0 - 5, y0 - 5, x0 + 15, y0 + 15),
                                              shapely.box(x1, y0, x1 + 20, y0 + 20)], crs="EPSG:32631").to_file(tmp_path / "f.geojson")
    args = ["similarity", "--embeddings", str(tmp_path / "e.tif"), "--points", str(tmp_path / "f.geojson"),
            "--out", str(tmp_path / "s.tif")]
    assert main(args) != 0 and not (tmp_path / "s.tif").exists()
    err = " ".join(capsys.readouterr().err.split())
    assert "1 to the east of the map" in err and "(field 1, from 0" in err and "--off-map drop" in err, err
    with pytest.warns(NoDataWarning, match=r"1 of its 2 fields lie off the map or on no data \(field 1, from 0"):
        assert main(args + ["--off-map", "drop"]) == 0


def test_fields_all_off_the_map_are_fields(tmp_path, capsys):
    e, x0, y0, x1 = _map(tmp_path)
    gpd.GeoDataFrame({"n": [1]}, geometry=[shapely.box(x1, y0, x1 + 20, y0 + 20)], crs="EPSG:32631").to_file(tmp_path / "f.geojson")
    with pytest.warns(NoDataWarning):
        assert main(["similarity", "--embeddings", str(tmp_path / "e.tif"), "--points", str(tmp_path / "f.geojson"),
                     "--out", str(tmp_path / "s.tif")]) != 0
    err = " ".join(capsys.readouterr().err.split())
    assert "none of its 1 fields lies on a pixel with data" in err and "pass fields on it" in err, err


def test_a_typed_point_off_the_map_is_named_as_typed(tmp_path, capsys):
    e, x0, y0, x1 = _map(tmp_path)
    lon, lat = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform([x0, x1], [y0, y0])
    assert main(["similarity", "--embeddings", str(tmp_path / "e.tif"), "--point", f"{lon[0]:.9f},{lat[0]:.9f}",
                 "--point", f"{lon[1]:.9f},{lat[1]:.9f}", "--out", str(tmp_path / "s.tif")]) != 0
    err = " ".join(capsys.readouterr().err.split())
    assert f"first: lon {lon[1]:.9g}, lat {lat[1]:.9g} (EPSG:4326), x=" in err and "in the grid's CRS" in err, err
    assert "which spans lon " in err and "(point 1, from 0" in err, err
