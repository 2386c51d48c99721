"""A '.zip' whose shapefile lies in a folder (what zipping a folder makes: Windows' 'Send to > Compressed folder',
`zip -r`) is read as the one vector file it holds, at every door; GDAL's '/vsizip/a.zip/fields' and fiona's
'zip://a.zip!fields/a.shp' paths into a zip are read, in Python and by `aef evaluate --labels`; a zip of several
vector files in folders is a `LabelError` naming them and the path that reads one, which reads it.
Was (review43 on 27e73933): 'cannot read sub.zip as a vector file or table (DataSourceError: '/vsizip/sub.zip' not
recognized as being in a supported file format ...)' and 'no file at zip://sub.zip!fields/a.shp' (`gpd.read_file`
reads both paths)."""
import re

import numpy as np
import pytest

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import LabelError
from alphaearth_nb.places import read_geometries, sample
from alphaearth_nb.testing import shapefile_zip

gpd = pytest.importorskip("geopandas")


def test_zipped_folder_and_paths_into_zips(tmp_path, utm_emb, pixel_points):
    e = utm_emb(0)
    pts = pixel_points(e, 30)
    one = shapefile_zip(tmp_path / "sub.zip", {"fields/a.shp": pts})
    want = classify(e, pts)["class"].values
    for path in (str(one), f"/vsizip/{one}/fields", f"/vsizip/{one}/fields/a.shp", f"zip://{one}!fields/a.shp"):
        assert len(read_geometries(path)) == len(pts), path
        np.testing.assert_array_equal(classify(e, path)["class"].values, want, err_msg=path)
        assert len(sample(e, path)) == len(pts), path
    with pytest.raises(LabelError, match="no file at"): read_geometries(f"zip://{tmp_path / 'none.zip'}!fields/a.shp")


def test_zip_of_several_named(tmp_path, utm_emb, pixel_points):
    e = utm_emb(0)
    pts = pixel_points(e, 30)
    two = shapefile_zip(tmp_path / "two.zip", {"fields/a.shp": pts, "fields/b.shp": pixel_points(e, 5, 1)})
    with pytest.raises(LabelError) as err: classify(e, str(two))
    msg = str(err.value)
    assert "'fields/a.shp', 'fields/b.shp'" in msg, msg
    path = re.search(r"e\.g\. '(zip://[^']+)'", msg)[1]
    assert path == f"zip://{two}!fields/a.shp", msg
    np.testing.assert_array_equal(classify(e, path)["class"].values, classify(e, pts)["class"].values)


def test_aef_evaluate_reads_them(tmp_path, evaluate_cli, labelled_store):
    store, g = labelled_store
    z = shapefile_zip(tmp_path / "sub.zip", {"fields/a.shp": g})
    rc, want, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "sub" / "fields" / "a.shp"))
    assert rc == 0, err
    for path in (str(z), f"zip://{z}!fields/a.shp", f"/vsizip/{z}/fields"):
        rc, out, err = evaluate_cli("--embeddings", store, "--labels", path)
        assert rc == 0 and out == want, (path, err)
