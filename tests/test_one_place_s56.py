"""Readers' duplicates, one place each (s55 s3.md #3, #5, #8; r3.md #5; s2.md #6), behaviour unchanged. Was (906bfade):
`embedding_files._rel_tile` was `derived_maps._rel` again; `layout_tiles` repeated `mirror_list.first_tile`'s glob of
four suffix spellings; the netCDF/HDF5 signatures were listed in `embedding_files._SIGNATURES` and
`evaluate_points._NETCDF`; `open_embeddings` asked `is_zarr_store` (a disk read) up to four times for one folder;
`map_to_cog` judged a map's kind (`map_kind`, a scan of its values) twice for a cluster map."""
import pytest

from alphaearth_nb import derived_maps, embedding_files, evaluate_points, exports, map_files, mirror_list
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_one_helper_each():
    assert not hasattr(embedding_files, "_rel_tile") and embedding_files.rel_name is derived_maps.rel_name
    assert embedding_files._SIGNATURES[:4] == evaluate_points.NETCDF_SIGNATURES
    assert not hasattr(evaluate_points, "_NETCDF")


def test_layout_and_first_tile_search_alike(tmp_path):
    for rel in ("2024/31N/a.tiff", "2023/31N/b.TIF", "2024/32N/c.tif", "x.tif"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True); (tmp_path / rel).write_bytes(b"")
    assert [t.relative_to(tmp_path).as_posix() for t in mirror_list.tiffs_below(tmp_path, 2)] == \
        ["2023/31N/b.TIF", "2024/31N/a.tiff", "2024/32N/c.tif"]
    assert mirror_list.first_tile(tmp_path) == tmp_path / "x.tif"
    assert [t.name for t in embedding_files.layout_tiles(tmp_path)] == ["b.TIF", "a.tiff", "c.tif"]


def test_open_embeddings_asks_is_zarr_store_once(tmp_path, monkeypatch):
    e = embedding_from_array(random_unit((6, 6), seed=1))
    s = exports.to_zarr(e, tmp_path / "e.zarr")
    calls = []
    real = embedding_files.is_zarr_store
    monkeypatch.setattr(embedding_files, "is_zarr_store", lambda p, *a, **k: calls.append(p) or real(p, *a, **k))
    embedding_files.open_embeddings(s, None)
    assert len([c for c in calls if str(c) == str(s)]) <= 2, calls   # open_embeddings' own, and warn_unmarked's (files)


def test_map_to_cog_judges_the_kind_once(tmp_path, monkeypatch):
    pytest.importorskip("rasterio")
    from alphaearth_nb.analysis import cluster
    cl = cluster(embedding_from_array(random_unit((8, 8), seed=2)).assign_attrs(crs="EPSG:32631"), k=2)
    calls = []
    real = map_files.map_kind
    monkeypatch.setattr(exports, "map_kind", lambda *a, **k: calls.append(1) or real(*a, **k))
    monkeypatch.setattr(map_files, "map_kind", lambda *a, **k: calls.append(1) or real(*a, **k))
    exports.map_to_cog(cl, tmp_path / "c.tif")
    assert len(calls) == 1
    assert (tmp_path / "c.tif").is_file()
