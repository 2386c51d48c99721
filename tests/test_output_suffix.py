"""Plausible but wrong (kind F): an output path whose suffix names another format was written as given:
`to_zarr("map.tif")` made a Zarr folder named map.tif (no GIS opens it), `to_cog("emb.zarr")` a GeoTIFF file named
.zarr, `aef embed --out map.tif` the same. Refused before any work, naming the suffix that fits and the writer of the
format the suffix names."""
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_suffix_of_another_format_is_refused(tmp_path):
    e = embedding_from_array(random_unit((6, 5), seed=1)); sim = e.aef.similarity(e.values[0, 0])
    cases = [(lambda p: e.aef.to_zarr(p), "m.tif", "name it m.zarr, or write a GeoTIFF with `.aef.to_cog"),
             (lambda p: e.aef.to_zarr(p), "m.nc", "name it m.zarr"),
             (lambda p: e.aef.to_cog(p), "m.zarr", "name it m.tif, or write a Zarr store with `.aef.to_zarr"),
             (lambda p: sim.aef.map_to_cog(p), "s.png", "name it s.tif")]
    for write, name, words in cases:
        with pytest.raises(ConfigError, match=words.replace(".", r"\.").replace("(", r"\(")): write(tmp_path / name)
        assert not (tmp_path / name).exists()
    for write, name in ((lambda p: e.aef.to_zarr(p), "e.zarr"), (lambda p: e.aef.to_zarr(p), "plain"),
                        (lambda p: e.aef.to_cog(p), "e.TIF"), (lambda p: sim.aef.map_to_cog(p), "s.tiff")):
        write(tmp_path / name); assert (tmp_path / name).exists()


def test_aef_embed_out_tif(tmp_path, capsys):
    assert main(["embed", "--checkpoint", str(tmp_path), "--period", "2024", "--out", str(tmp_path / "map.tif")]) == 2
    err = capsys.readouterr().err
    assert "aef: error:" in err and "name it map.zarr" in err, err
