"""A similarity map 64 pixels high given back as --embeddings (a .zarr store of it) got the reader's generic words,
not "is a similarity map ..., not embeddings": the test for a 64-band embedding took any dimension of 64, the map's
y too. Only a dimension other than y, x and time can hold the bands."""

from alphaearth_nb.analysis import similarity
from alphaearth_nb.cli import main
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_map_64_pixels_high_is_named(tmp_path, capsys):
    e = embedding_from_array(random_unit((64, 5), seed=4))
    similarity(e, e.isel(y=2, x=3)).to_dataset(name="similarity").to_zarr(tmp_path / "sim.zarr", consolidated=False)
    for cmd in (["evaluate", "--labels", "samples"], ["classify", "--labels", "samples", "--out", str(tmp_path / "c.tif")]):
        assert main([cmd[0], "--embeddings", str(tmp_path / "sim.zarr"), *cmd[1:]]) == 2
        err = capsys.readouterr().err
        assert "sim.zarr is a similarity map, not embeddings" in err, err
