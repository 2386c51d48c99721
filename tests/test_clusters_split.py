"""analysis's colours and clusters (sample_pixels, pca_basis, rgb, spherical_kmeans, cluster) live in `clusters` (24e,
below analysis), so analysis keeps clear of the layout's module size (it was 580 of 600 lines); analysis re-exports
each name, so `analysis.cluster`, `emb.aef.cluster(k)` and `aef.cluster` are the same function as before."""
import numpy as np

import alphaearth_nb as aef
from alphaearth_nb.testing import embedding_from_array, random_unit

NAMES = ["sample_pixels", "pca_basis", "rgb", "spherical_kmeans", "cluster"]


def test_analysis_reexports_the_colours_and_clusters(reexported):
    "Two planted directions, four pixels each: two clusters, one id for each direction, the same by every door."
    clusters, analysis = reexported("clusters", "analysis", NAMES)
    assert aef.cluster is clusters.cluster and aef.rgb is clusters.rgb   # the everyday names (aef.NAMES)
    v = random_unit((2,), seed=7)[np.array([0, 1] * 4)].reshape(2, 4, 64)
    emb = embedding_from_array(v)
    got = emb.aef.cluster(2)["cluster"].values
    assert len(np.unique(got)) == 2 and (got[:, 0::2] == got[0, 0]).all() and (got[:, 1::2] == got[0, 1]).all()
    np.testing.assert_array_equal(analysis.cluster(emb, 2)["cluster"].values, got)


def test_the_split_modules_keep_under_the_cap(split_module_check):
    "Neither module holds a statement joined with ';' (analysis's over_time joined two until session 41)."
    split_module_check("clusters", 250)
    split_module_check("analysis", 430)   # session 45: 354 lines once `per_year` split from it (was 477 of 480); s55: 498, s56: 392 (see test_per_year_split)
