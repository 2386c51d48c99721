"""`aef change` read a store that records no CRS in the other map's CRS without a word (its x/y of another zone would
be compared pixel by pixel), where `aef similarity` and `aef evaluate` refuse it: now refused alike, the store named
with the line that writes its CRS. Fails on f65dc79a."""
import pytest

pytest.importorskip("rioxarray")
from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_side_without_crs_is_refused(tmp_path, capsys):
    e = embedding_from_array(random_unit((6, 8), seed=2).astype("float32"))
    e.drop_attrs().to_dataset(name="embedding").to_zarr(tmp_path / "bare.zarr")   # no CRS recorded
    to_cog(e.assign_attrs(crs="EPSG:32631", time="2023-01-01"), tmp_path / "e23.tif", overviews=False)
    rc = main(["change", "--embeddings", str(tmp_path / "bare.zarr"), "--embeddings", str(tmp_path / "e23.tif"),
               "--out", str(tmp_path / "c.tif")])
    err = " ".join(capsys.readouterr().err.split())
    assert rc != 0 and not (tmp_path / "c.tif").exists(), err
    assert f"--embeddings {tmp_path / 'bare.zarr'} records no CRS" in err and "e23.tif records" not in err, err
