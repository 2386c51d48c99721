"""A map that `rioxarray.open_rasterio` read from our own COG reads the file's tags as `read_cog` does: its year
(AEF_TIME) is read, and the tags that describe the file (int8 codes, AEF_*) ride on no map made from it."""
import numpy as np
import pytest

rioxarray = pytest.importorskip("rioxarray")
import alphaearth_nb as aef
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


def _files(tmp_path, dtype="int8"):
    paths = []
    for i, y in enumerate((2022, 2023)):
        e = embedding_from_array(random_unit((6, 7), seed=i))
        e.attrs.update(crs="EPSG:32631", time=f"{y}-01-01")
        paths.append(to_cog(e, tmp_path / f"{y}_{dtype}.tif", dtype=dtype, overviews=False))
    return [rioxarray.open_rasterio(p) for p in paths]


def _clean(m):
    "No tag of the file on a map made from it (was: TIFFTAG_IMAGEDESCRIPTION 'AlphaEarth embedding ... int8 codes')."
    bad = [k for k in m.attrs if k.startswith("AEF_") or k == "TIFFTAG_IMAGEDESCRIPTION"]
    assert not bad, bad


@pytest.mark.parametrize("dtype", ["int8", "float32"])
def test_change_of_opened_cogs_names_the_years(tmp_path, dtype):
    "Was: change had no from_year/to_year (AEF_TIME unread) and carried the file's tags."
    a, b = _files(tmp_path, dtype)
    c = aef.change(a, b)
    assert (c.attrs.get("from_year"), c.attrs.get("to_year")) == (2022, 2023), c.attrs
    _clean(c)
    s = aef.similarity(a, random_unit((1, 1), seed=9)[0, 0])
    _clean(s)


def test_join_years_of_opened_cogs(tmp_path):
    "Was: DimensionError/GridError 'a map records no year (2 of the 2 ...)' though each file records it."
    from alphaearth_nb.years import map_year
    from alphaearth_nb.embeddings import as_embedding
    maps = _files(tmp_path)
    assert [map_year(as_embedding(m)) for m in maps] == [2022, 2023]
    from alphaearth_nb.cubes import join_years
    cube = join_years(maps)
    assert list(cube.time.dt.year.values) == [2022, 2023]


def test_the_values_are_read_as_read_cog_reads_them(tmp_path):
    "The codes decoded, a float copy of the int8 file too (its tags say it holds codes), as read_cog does."
    from alphaearth_nb.embeddings import as_embedding
    from alphaearth_nb.exports import read_cog
    p = to_cog(embedding_from_array(random_unit((6, 7), seed=3)).assign_attrs(crs="EPSG:32631"),
               tmp_path / "c.tif", overviews=False)
    want = read_cog(p)
    got = as_embedding(rioxarray.open_rasterio(p))
    np.testing.assert_allclose(got.values, want.values, atol=1e-6)
    as_float = as_embedding(rioxarray.open_rasterio(p).astype("float32"))
    np.testing.assert_allclose(as_float.values, want.values, atol=1e-6)
