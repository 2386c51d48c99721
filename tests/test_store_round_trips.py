"""A COG round trip keeps what a Zarr round trip keeps (attrs of the map's origin, tiling numbers), and both stores are
written north-up, whatever order the map is in (to_cog always was; to_zarr kept y ascending)."""
import numpy as np
import pytest
import xarray as xr

pytest.importorskip("rioxarray")
from alphaearth_nb.embeddings import COG_ATTRS
from alphaearth_nb.exports import open_zarr, read_cog, to_cog, to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit

EMBED = {"period_start": "2024-01-01T00:00:00", "period_end": "2025-01-01T00:00:00", "tile": 96, "buffer": 16,
         "trim": 8, "support_start": "2024-01-03T00:00:00", "support_end": "2024-12-28T00:00:00",
         "embedding:model": "alphaearth_nb tiny sha256:0123456789ab"}   # the attrs `embed` writes (embed._embed)
OFFICIAL_OPEN = {"source": "GOOGLE/SATELLITE_EMBEDDING/V1/ANNUAL", "mirror": "source_coop",
                 "embedding:model": "GOOGLE/SATELLITE_EMBEDDING/V1/ANNUAL"}   # official.open's, one year selected
FROM_OFFICIAL = {"source": "GOOGLE/SATELLITE_EMBEDDING/V1/ANNUAL", "time": "2024-01-01T00:00:00",
                 "embedding:model": "GOOGLE/SATELLITE_EMBEDDING/V1/ANNUAL"}


def _both(e, tmp_path, floats=False):
    return (open_zarr(to_zarr(e, tmp_path / "e.zarr", quantized=not floats)).load(),
            read_cog(to_cog(e, tmp_path / "e.tif", "float32" if floats else "int8", overviews=False)).load())


@pytest.mark.parametrize("attrs", [EMBED, OFFICIAL_OPEN, FROM_OFFICIAL], ids=["embed", "official.open", "from_official"])
def test_cog_keeps_what_zarr_keeps(tmp_path, attrs):
    "The COG lost tile, buffer and trim (embed's) and mirror (official.open's): read_cog's attrs lacked them."
    e = embedding_from_array(random_unit((6, 5), seed=1)).assign_attrs(attrs)
    z, c = _both(e, tmp_path)
    assert z.attrs == c.attrs == {**attrs, "crs": "EPSG:32631"}
    assert [type(c.attrs[k]) for k in ("tile", "buffer", "trim") if k in attrs] == [int] * (len(attrs) == len(EMBED)) * 3


def test_the_documented_exception_a_users_own_attrs(tmp_path):
    "A Zarr store keeps any attr; a GeoTIFF's tags keep the package's (`COG_ATTRS`), not a user's own."
    e = embedding_from_array(random_unit((6, 5), seed=1)).assign_attrs({**EMBED, "note": "field trip 3"})
    z, c = _both(e, tmp_path)
    assert set(z.attrs) - set(c.attrs) == {"note"} and "note" not in COG_ATTRS


@pytest.mark.parametrize("turn", [{"y"}, {"x"}, {"y", "x"}])
def test_zarr_is_written_north_up_as_the_cog(tmp_path, turn):
    "to_zarr of a map with y ascending (or x descending) read back in that order; to_cog's file is north-up."
    e = embedding_from_array(random_unit((6, 5), seed=2)).assign_attrs(EMBED)
    turned = e.isel({d: slice(None, None, -1) for d in turn})
    z, c = _both(turned, tmp_path, floats=True)
    for r in (z, c):
        assert (np.diff(r.y.values) < 0).all() and (np.diff(r.x.values) > 0).all()
        np.testing.assert_array_equal(r.y.values, e.y.values); np.testing.assert_array_equal(r.x.values, e.x.values)
    np.testing.assert_array_equal(z.values, e.values)                       # float32 files: the values exactly
    np.testing.assert_array_equal(c.values, e.values)
    gt = [float(v) for v in z.spatial_ref.attrs["GeoTransform"].split()]
    assert gt[5] < 0 and gt[3] == float(e.y[0]) + 5                         # the grid mapping north-up too


def test_a_cube_is_written_north_up(tmp_path):
    a = [embedding_from_array(random_unit((4, 3), seed=s)) for s in (3, 4)]
    cube = xr.concat(a, "time").assign_coords(time=np.array(["2023-01-01", "2024-01-01"], "datetime64[ns]"))
    back = open_zarr(to_zarr(cube.isel(y=slice(None, None, -1)), tmp_path / "c.zarr", quantized=False)).load()
    assert (np.diff(back.y.values) < 0).all()
    np.testing.assert_array_equal(back.transpose(*cube.dims).values, cube.values)


def test_a_store_written_south_first_reads_north_up(tmp_path):
    "A store holding rows south-first (written so before, or embed_to_zarr of such a stack) reads north-up, as read_cog."
    e = embedding_from_array(random_unit((6, 5), seed=5)).assign_attrs(EMBED)
    p = to_zarr(e, tmp_path / "s.zarr", quantized=False)
    ds = xr.open_zarr(p, consolidated=False)                                 # rewritten south-first by hand
    south = ds.isel(y=slice(None, None, -1)).load()
    south.to_zarr(tmp_path / "t.zarr", zarr_format=3, consolidated=False)
    back = open_zarr(tmp_path / "t.zarr", check=False).load()
    assert (np.diff(back.y.values) < 0).all()
    np.testing.assert_array_equal(back.values, e.values)
