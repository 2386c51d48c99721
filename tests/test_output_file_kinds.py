"""What a write may replace is what it writes (kind E): a COG replaces a GeoTIFF, a store a folder.

`to_cog(emb, 'notes.txt', overwrite=True)` replaced the user's text file with a GeoTIFF (any file at the path was
'an existing file'), and without overwrite it was told "already exists: pass overwrite=True ... to replace the COG".
`to_zarr(emb, 'my.zarr')` onto a plain file was told to pass overwrite=True, which then refused it ('a file that
alphaearth_nb did not write'). Right: neither is an output written before; both are left alone whatever overwrite
says, and the refusal comes first, without a fix that fails."""
import re

import numpy as np
import pytest

from alphaearth_nb.core import ConfigError, NotOursError, OutputExistsError
from alphaearth_nb.exports import map_to_cog, read_cog, to_cog
from alphaearth_nb.stores import open_zarr, to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((4, 4), seed=0))


@pytest.mark.parametrize("name", ["notes.txt", "report.md", "draft.tif"])
@pytest.mark.parametrize("overwrite", [False, True])
def test_a_cog_never_replaces_a_file_that_is_no_tiff(emb, tmp_path, name, overwrite):
    p = tmp_path / name
    p.write_text("my notes\n")
    for write in (lambda: to_cog(emb, p, overwrite=overwrite), lambda: map_to_cog(emb.isel(band=0), p, overwrite=overwrite)):
        free = tmp_path / (p.stem + ("_2" if p.suffix == ".tif" else "") + ".tif")   # draft.tif: not itself again
        with pytest.raises(NotOursError, match="is a file but no GeoTIFF.*left alone, whatever overwrite says.*"
                                              + re.escape(repr(str(free)))):
            write()
        assert p.read_text() == "my notes\n"


def test_a_cog_replaces_a_cog_and_an_empty_file(emb, tmp_path):
    p = to_cog(emb, tmp_path / "m.tif")
    with pytest.raises(OutputExistsError):
        to_cog(emb * -1, p)
    to_cog(emb * -1, p, overwrite=True)   # a GeoTIFF: replaced
    np.testing.assert_allclose(read_cog(p).values, (emb * -1).values, atol=0.02)
    (e := tmp_path / "e.tif").write_bytes(b"")   # `touch e.tif`: nothing to lose
    to_cog(emb, e, overwrite=True)
    assert read_cog(e).shape == (4, 4, 64)


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_store_never_replaces_a_plain_file_and_says_so_first(emb, tmp_path, overwrite):
    p = tmp_path / "my.zarr"
    p.write_text("precious")
    with pytest.raises(NotOursError, match="is a file that alphaearth_nb did not write"):
        to_zarr(emb, p, overwrite=overwrite)
    assert p.read_text() == "precious"
    q = to_zarr(emb, tmp_path / "ok.zarr")   # a store written before: its overwrite still asked for, then done
    with pytest.raises(OutputExistsError, match="pass overwrite=True"):
        to_zarr(emb, q)
    to_zarr(emb, q, overwrite=True)
    assert open_zarr(q).shape == (4, 4, 64)


def test_the_loss_plot_replaces_a_picture_only(tmp_path):
    from alphaearth_nb.train import plot_history
    h = [{"step": s, "loss": 1.0 / s} for s in range(1, 6)]
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    with pytest.raises(NotOursError, match="is a file but no PNG.*left alone"):
        plot_history(h, path=notes)
    assert notes.read_text() == "my notes\n"
    png = tmp_path / "loss.png"
    plot_history(h, path=png)
    first = png.read_bytes()
    plot_history(h[:3], path=png)   # a PNG drawn before: replaced, as fit redraws loss.png
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.read_bytes() != first


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_site_table_replaces_a_parquet_file_only(tmp_path, overwrite):
    from alphaearth_nb.sites import write_sites
    from alphaearth_nb.sites import box_strata, sample_sites
    st = sample_sites(box_strata(1), (2019, 2020), cap=1, seed=0)   # a site table write_sites takes (it checks it)
    for name in ("notes.txt", "sites.parquet"):   # a text, and a text named as a table
        p = tmp_path / name
        p.write_text("my notes\n")
        with pytest.raises(NotOursError, match="is a file but no Parquet table.*left alone"):
            write_sites(p, st, overwrite=overwrite)
        assert p.read_text() == "my notes\n"
    with pytest.raises(ConfigError, match="names a CSV table, but the site table is a Parquet table"):
        write_sites(tmp_path / "sites.csv", st)   # Parquet bytes under a CSV's name
    q = write_sites(tmp_path / "ok.parquet", st)
    write_sites(q, st.assign(site=["s1"]), overwrite=True)   # a site table written before: replaced
    assert __import__("pandas").read_parquet(q)["site"].tolist() == ["s1"]
