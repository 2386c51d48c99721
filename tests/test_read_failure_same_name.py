"""Two GeoTIFFs of one file name in two folders (yearly exports: 2023/emb.tif, 2024/emb.tif), the 2024 one cut short:
`aef change` names 2024/emb.tif as damaged. Was 2023/emb.tif (the first given of that name): read_failure matched the
file GDAL names by its name only, so the user was told to download the good year again."""
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_cog
from alphaearth_nb.paths import read_failure
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("rioxarray")


def test_change_names_the_cut_file_of_two_of_one_name(tmp_path, capsys):
    e = embedding_from_array(random_unit((64, 64), seed=1))
    (tmp_path / "2023").mkdir(); (tmp_path / "2024").mkdir()
    whole, cut = tmp_path / "2023" / "emb.tif", tmp_path / "2024" / "emb.tif"
    to_cog(e, whole, blocksize=16, overviews=False); to_cog(e, cut, blocksize=16, overviews=False)
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])
    assert main(["change", "--embeddings", str(whole), "--embeddings", str(cut), "--out", str(tmp_path / "chg.tif")])
    err = capsys.readouterr().err
    assert f"{cut} opens as a GeoTIFF but its pixels cannot be read" in err, err
    assert str(whole) not in err


def test_a_name_given_twice_is_not_guessed(tmp_path):
    import rasterio.errors
    err = rasterio.errors.RasterioIOError("Read failed. See previous exception for details.")
    err.__cause__ = rasterio.errors.RasterioIOError(f"{tmp_path}/c/emb.tif, band 3: IReadBlock failed at X offset 0")
    said = str(read_failure(err, [tmp_path / "a" / "emb.tif", tmp_path / "b" / "emb.tif"]))
    assert said.startswith(f"{tmp_path}/c/emb.tif opens"), said             # neither given file (none there): GDAL's name
    said = str(read_failure(err, ["x.tif", tmp_path / "b" / "emb.tif"]))
    assert said.startswith(f"{tmp_path}/b/emb.tif opens"), said             # one given of that name: that one
