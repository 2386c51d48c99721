"""`aef similarity --points <a polygon file>` was told Python, "sampling needs points, got ['Polygon']: for polygons,
aef.cubes.aggregate(emb, zones)"; then the shell's fix, a point inside each shape; since session 54 polygons are
fields averaged over their pixels (tests/test_similarity_fields), and lines get that shell fix, which then maps.
`aef classify --labels <a label raster>` said nothing of the labelled pixels each voting for itself: one line now
says how many of the map's pixels are labelled, so the map repeats their labels there."""
import re
import shlex
import subprocess
import sys

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.cli import main
from alphaearth_nb.spatial import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
shapely = pytest.importorskip("shapely")
pytest.importorskip("rasterio")
EMB = embedding_from_array(random_unit((12, 10), seed=3), coords=grid_coords(12, 10, 500_000., 5_000_000.),
                           crs="EPSG:32631")


def test_similarity_of_lines_names_a_shell_fix_that_works(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    EMB.to_dataset(name="embedding").to_zarr("e.zarr", consolidated=False)
    x0, y0 = float(EMB.x[2]), float(EMB.y[2])
    gpd.GeoDataFrame(geometry=[shapely.box(x0 - 15, y0 - 15, x0 + 15, y0 + 15)], crs="EPSG:32631").to_file("f.geojson")
    assert main(["similarity", "--embeddings", "e.zarr", "--points", "f.geojson", "--out", "s.tif"]) == 0   # a field
    gpd.GeoDataFrame(geometry=[shapely.LineString([(x0 - 15, y0), (x0 + 15, y0)])], crs="EPSG:32631").to_file("f.geojson")
    assert main(["similarity", "--embeddings", "e.zarr", "--points", "f.geojson", "--out", "s.tif", "--overwrite"]) == 2
    err = capsys.readouterr().err
    assert "aggregate" not in err and "['LineString']" in err and "--points points.geojson" in err, err
    words = shlex.split(re.search(r"`(python -c .+?)`, then", err)[1])
    subprocess.run([sys.executable, *words[1:]], check=True)
    assert main(["similarity", "--embeddings", "e.zarr", "--points", "points.geojson", "--out", "s.tif", "--overwrite"]) == 0


def test_classify_of_a_label_raster_says_how_many_pixels_are_labelled(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    EMB.to_dataset(name="embedding").to_zarr("e.zarr", consolidated=False)
    v = np.where(np.arange(120).reshape(12, 10) % 10 < 5, 1, 2)
    v[:3] = -1   # 30 pixels unlabelled
    xr.DataArray(v, dims=("y", "x"), coords={"y": EMB.y, "x": EMB.x}, name="lab").to_netcdf("l.nc")
    assert main(["classify", "--embeddings", "e.zarr", "--labels", "l.nc", "--out", "c.tif"]) == 0
    out = capsys.readouterr().out
    assert "90 of the map's 120 pixels (75%) are labelled" in out and "the other 30" in out, out
