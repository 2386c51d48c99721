"""`aef similarity --points pts.csv` of a labelled file (x, y, label: crop, forest, water, the file a user just gave
`aef classify`) averaged the points of every class into one query and mapped its cosine, rc 0 ("similarity to the
mean of 6 points"), a direction like none of the classes; Python refuses the same table (the newcomer of s56, #5).
Now the command refuses a file of several classes in a label column, naming it, each class's count, the line that
writes one class's file and `aef classify`; a file of one class (or no label column) is mapped as before."""
import pandas as pd
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def tif(tmp_path_factory):
    p = tmp_path_factory.mktemp("m") / "e.tif"
    to_cog(embedding_from_array(random_unit((10, 10), seed=1)), p, overviews=False)
    return p


def _pts(tif, path, labels, column="label"):
    from alphaearth_nb.exports import read_cog
    e = read_cog(tif)
    t = pd.DataFrame({"x": e.x.values[:len(labels)], "y": e.y.values[:len(labels)]})
    if labels[0] is not None: t[column] = labels
    t.to_csv(path, index=False)


@pytest.mark.parametrize("column", ["label", "crop", "Class"])
def test_points_of_several_classes_are_refused_naming_the_column(tif, tmp_path, capsys, column):
    _pts(tif, tmp_path / "p.csv", ["crop", "forest", "water", "water"], column)
    rc = main(["similarity", "--embeddings", str(tif), "--points", str(tmp_path / "p.csv"), "--crs", "EPSG:32631",
               "--out", str(tmp_path / "s.tif")])
    err = " ".join(capsys.readouterr().err.split())
    assert rc == 2 and not (tmp_path / "s.tif").exists(), err
    assert f"holds points of 3 classes in its column '{column}' (water: 2, crop: 1, forest: 1)" in err, err
    assert f't[t["{column}"] == "water"].to_csv("water.csv", index=False)' in err and "aef classify" in err, err
    # the printed line, run, gives a file of one class that is mapped
    line = err.split("python -c '")[1].split("'`")[0]
    import subprocess, sys
    subprocess.run([sys.executable, "-c", line], cwd=tmp_path, check=True)
    assert main(["similarity", "--embeddings", str(tif), "--points", str(tmp_path / "water.csv"), "--crs", "EPSG:32631",
                 "--out", str(tmp_path / "w.tif")]) == 0


@pytest.mark.parametrize("labels", [[None] * 3, ["water"] * 3])
def test_points_of_one_class_or_none_are_mapped(tif, tmp_path, capsys, labels):
    _pts(tif, tmp_path / "p.csv", labels)
    assert main(["similarity", "--embeddings", str(tif), "--points", str(tmp_path / "p.csv"), "--crs", "EPSG:32631",
                 "--out", str(tmp_path / "s.tif")]) == 0, capsys.readouterr().err
    assert "mean of 3 points" in capsys.readouterr().out
