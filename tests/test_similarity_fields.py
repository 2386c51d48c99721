"""`aef similarity --points field.geojson` of polygons was refused ('no points: write one inside each shape'), a noisier
query than the field: each field now gives its pixels' mean direction (`cubes.aggregate`, as classify reads polygons)
and the query is their mean. Fails on f65dc79a."""
import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
rioxarray = pytest.importorskip("rioxarray")
from shapely.geometry import box

import alphaearth_nb as aef
from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_fields_are_averaged_over_their_pixels(tmp_path, capsys):
    e = embedding_from_array(random_unit((6, 8), seed=2).astype("float32")).assign_attrs(crs="EPSG:32631")
    to_cog(e, tmp_path / "e.tif", overviews=False)
    x, y = e.x.values, e.y.values
    field = box(x[0] - 5, y[2] - 5, x[2] + 5, y[0] + 5)   # 3 x 3 pixels (10 m): rows 0..2, cols 0..2
    gpd.GeoDataFrame(geometry=[field], crs="EPSG:32631").to_file(tmp_path / "f.geojson")
    assert main(["similarity", "--embeddings", str(tmp_path / "e.tif"), "--points", str(tmp_path / "f.geojson"),
                 "--out", str(tmp_path / "s.tif")]) == 0, capsys.readouterr().err
    assert "similarity to the mean of 1 field (each the mean direction of its pixels)" in capsys.readouterr().out
    e = aef.exports.read_cog(tmp_path / "e.tif")   # the map as the command read it
    z = aef.cubes.aggregate(e, gpd.read_file(tmp_path / "f.geojson"))
    assert int(z["n_pixels"].iloc[0]) == 9
    want = aef.similarity(e, z[aef.band_names()].to_numpy()[0])
    got = rioxarray.open_rasterio(tmp_path / "s.tif").squeeze("band", drop=True)
    np.testing.assert_allclose(got.values, want.values, atol=1e-5)
