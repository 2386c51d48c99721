"""A map whose recorded CRS is another UTM zone's (EPSG:32632 written on EPSG:32631 coordinates, a `write_crs`
slip) was mapped, and a lon/lat point on the place was told "(their values lie within degrees: lon/lat,
'EPSG:4326'?)": a question the point, read as lon/lat, had answered (the newcomer of s56, #3, #10). A UTM map's x/y
fit any zone, so the map alone cannot tell; the points can: those that miss the map but lie on it in their own UTM
zone now say so, naming the zone and the fix. And points within degrees that miss a projected map are told the
map's lon/lat span (as Python's `crs='EPSG:4326'` words say it), not asked whether they are lon/lat."""
import warnings

import numpy as np
import pytest
from pyproj import Transformer

from alphaearth_nb import analysis
from alphaearth_nb.cli import main
from alphaearth_nb.core import AEFError
from alphaearth_nb.exports import to_cog
from alphaearth_nb.geo import write_crs
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def maps():
    e = embedding_from_array(random_unit((10, 10), seed=1))   # EPSG:32631
    lon, lat = Transformer.from_crs(32631, 4326, always_xy=True).transform(float(e.x[4]), float(e.y[4]))
    return e, write_crs(e, "EPSG:32632"), (lon, lat)


def test_python_names_the_points_zone(maps):
    right, wrong, (lon, lat) = maps
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(AEFError, match=r"they lie on the map if its CRS were EPSG:32631 \(their UTM zone\) rather "
                                           r"than EPSG:32632: .*write_crs\(emb, 'EPSG:32631'\)"):
            analysis.similarity(wrong, (lon, lat), crs="EPSG:4326")
        assert np.isfinite(analysis.similarity(right, (lon, lat), crs="EPSG:4326")).any()


@pytest.mark.filterwarnings("always")
def test_command_line_words(maps, tmp_path, capsys):
    right, wrong, (lon, lat) = maps
    for name, e in (("wrong", wrong), ("right", right)):
        to_cog(e, tmp_path / f"{name}.tif", overviews=False)
    run = lambda f, pt: (main(["similarity", "--embeddings", str(tmp_path / f), "--point", pt, "--out",
                               str(tmp_path / "s.tif"), "--overwrite"]), " ".join(capsys.readouterr().err.split()))
    rc, err = run("wrong.tif", f"{lon:.6f},{lat:.6f}")
    assert rc != 0 and "if its CRS were EPSG:32631 (their UTM zone)" in err and "rio edit-info --crs EPSG:32631" in err, err
    assert "'EPSG:4326'`?" not in err, err
    rc, err = run("right.tif", f"{lon + 0.5:.6f},{lat:.6f}")   # a lon/lat point off a right map: its lon/lat span
    assert rc != 0 and "'EPSG:4326'`?" not in err, err
    assert "which spans lon " in err and "UTM zone" not in err, err
