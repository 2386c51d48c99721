"""official.sample_points of points given latitude first, every one off the tiles and each on one read (lat, lon),
gave a NoDataWarning and a table of NaN rows, while similarity, classify and official.open refuse such points. It is
now a PointError naming the swap (every point off for that reason); points some of which lie on tiles keep their
answer, the others' rows `inside` False (no error)."""
import numpy as np, pytest, warnings

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")

from alphaearth_nb import official as off  # noqa: E402
from alphaearth_nb.core import NoDataWarning, PointError  # noqa: E402

LON, LAT = [5.996, 6.003, 6.0], [45.0, 45.002, 45.001]   # on the sample mirror's 2024 tiles


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=2024, samples=shared_data / "aef_samples")


def test_every_point_swapped_is_refused(mirror):
    with warnings.catch_warnings():
        warnings.simplefilter("error", NoDataWarning)   # no NaN table with a warning: the error alone
        with pytest.raises(PointError, match="longitude and latitude look swapped: pass x = longitude") as e:
            off.sample_points({"lon": LAT, "lat": LON}, 2024, source=mirror.root)
    assert "none of the 3 points lies on an official tile in 2024" in str(e.value)


def test_some_points_swapped_keep_the_others_answers(mirror):
    got = off.sample_points({"lon": [LON[0], LAT[1]], "lat": [LAT[0], LON[1]]}, 2024, source=mirror.root)
    assert got["inside"].tolist() == [True, False]
    a = got[[f"A{i:02d}" for i in range(64)]].to_numpy()
    assert np.isfinite(a[0]).all() and np.isnan(a[1]).all()
