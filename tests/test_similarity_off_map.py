"""`aef similarity --points` with a point off the map while another lies on it warned 'left out of the mean' without
naming which, and mapped the mean of the rest (exit 0), where `aef classify` refuses the same file: now refused alike,
naming the point (from 0) and the side of the map; `--off-map drop` goes on, its warning naming the point. Fails on
f65dc79a."""
import pandas as pd
import pytest

pytest.importorskip("rioxarray")
from alphaearth_nb.cli import main
from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_point_off_the_map_is_refused_by_name(tmp_path, capsys):
    e = embedding_from_array(random_unit((6, 8), seed=2).astype("float32")).assign_attrs(crs="EPSG:32631")
    to_cog(e, tmp_path / "e.tif", overviews=False)
    pd.DataFrame({"x": [float(e.x[2]), float(e.x[-1]) + 500], "y": [float(e.y[2])] * 2}).to_csv(tmp_path / "half.csv",
                                                                                            index=False)
    args = ["similarity", "--embeddings", str(tmp_path / "e.tif"), "--points", str(tmp_path / "half.csv"),
            "--out", str(tmp_path / "s.tif")]
    assert main(args) != 0 and not (tmp_path / "s.tif").exists()
    err = " ".join(capsys.readouterr().err.split())
    assert "1 to the east of the map" in err and "(point 1, from 0" in err and "--off-map drop" in err, err
    with pytest.warns(NoDataWarning, match=r"1 of its 2 points lie off the map or on no data \(point 1, from 0"):
        assert main(args + ["--off-map", "drop"]) == 0
    assert (tmp_path / "s.tif").exists()


def test_a_decimal_comma_point_is_said(tmp_path, capsys):
    e = embedding_from_array(random_unit((6, 8), seed=2).astype("float32")).assign_attrs(crs="EPSG:32631")
    to_cog(e, tmp_path / "e.tif", overviews=False)
    assert main(["similarity", "--embeddings", str(tmp_path / "e.tif"), "--point", "5,995", "--out",
                 str(tmp_path / "s.tif")]) != 0
    err = " ".join(capsys.readouterr().err.split())
    assert "--point 5,995 is no LON,LAT (latitude 995 is out of range" in err and "decimal point" in err, err
