"""`aef train --data` of the shared Presto or WorldCereal point sets said only 'is not a .nc or .zarr stack', though
the package reads both (newcomer s54, item 16): the refusal names the reader."""
import pytest

from alphaearth_nb.cli import main


@pytest.mark.parametrize("path,reader", [("presto_algae_blooms", "read_presto_points"),
                                         ("worldcereal_points/corsica_2022_monthly.geoparquet", "read_worldcereal_points")])
def test_point_sets_name_their_reader(tmp_path, capsys, path, reader):
    import os
    p = "/work/shared/data/" + path
    if not os.path.exists(p): pytest.skip("no shared data")
    assert main(["train", "--preset", "tiny", "--data", p, "--steps", "2", "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "point set" in err and f"aef.readers.{reader}" in err, err
