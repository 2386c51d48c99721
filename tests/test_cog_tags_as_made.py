"""The tags a COG keeps are those of the embedding or map it writes: `to_cog` of a Dataset (a store opened with
`xr.open_zarr`, whose `embedding` variable holds the source, mirror, period and tiling attrs) tags the variable's
attrs and the year of its scalar `time`; a change map cut from the change of a cube against one year
(`analysis.change(cube, e23).isel(time=1)`) records its two years, AEF_FROM_YEAR and AEF_TO_YEAR, and no AEF_TIME
(a change is between two years). Real inputs: official-layout tiles built from the shared AlphaEarth samples."""
import pytest
import xarray as xr

from alphaearth_nb import analysis, official
from alphaearth_nb.embeddings import tags_read
from alphaearth_nb.exports import map_to_cog, read_cog, to_cog, to_zarr
from alphaearth_nb.years import map_year

rioxarray = pytest.importorskip("rioxarray")

BBOX = (5.985, 44.9995, 5.9995, 45.0045)   # lon/lat: 117 x 60 pixels of 10 m in EPSG:32631


@pytest.fixture(scope="module")
def cube(tmp_path_factory, shared_data):
    root = tmp_path_factory.mktemp("tags")
    mirror = official.build_local_mirror(root / "mirror", years=(2023, 2024), samples=shared_data / "aef_samples").root
    return official.open(BBOX, (2023, 2024), crs="EPSG:32631", source=mirror).compute()


def _tags(path) -> dict:
    return {k: v for k, v in rioxarray.open_rasterio(path).attrs.items() if k.startswith("AEF_")}


def test_to_cog_of_a_store_opened_as_a_dataset_keeps_its_variables_tags(cube, tmp_path):
    e23 = cube.isel(time=0)
    to_zarr(e23, tmp_path / "e.zarr")
    ds = xr.open_zarr(tmp_path / "e.zarr")
    held = ds["embedding"].attrs
    assert "mirror" in held and "mirror" not in ds.attrs   # the variable alone holds it
    to_cog(ds, tmp_path / "ds.tif")
    tags = _tags(tmp_path / "ds.tif")
    assert tags.get("AEF_MIRROR") == held["mirror"], tags   # was: no AEF_MIRROR (the Dataset's attrs tagged)
    assert tags.get("AEF_SOURCE") == held["source"]
    back = read_cog(tmp_path / "ds.tif")
    assert map_year(back) == 2023 and back.attrs.get("mirror") == held["mirror"]


@pytest.mark.parametrize("order", ["cube_first", "map_first"])
def test_a_change_map_cut_from_a_cube_records_its_two_years(cube, tmp_path, order):
    e23 = cube.isel(time=0)
    chg = analysis.change(cube, e23) if order == "cube_first" else analysis.change(e23, cube)
    one = chg.isel(time=1)   # 2024 against 2023, or 2023 against 2024
    map_to_cog(one, tmp_path / "c.tif")
    read = tags_read(rioxarray.open_rasterio(tmp_path / "c.tif").attrs)
    want = (2024, 2023) if order == "cube_first" else (2023, 2024)
    assert (read.get("from_year"), read.get("to_year")) == want, read   # was: one of them, beside AEF_TIME 2024
    assert "time" not in read, read
