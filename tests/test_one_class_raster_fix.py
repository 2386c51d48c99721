"""A label raster of one class: the error's similarity fix is the mean of the raster's pixels of that class
(`emb.where(labels == 7)`), a call that runs; was `emb.aef.sample(points)`, for points the caller does not have."""
import numpy as np

from alphaearth_nb.testing import embedding_from_array, random_unit


def test_one_class_raster_is_told_the_raster_mean(one_class_fix_runs):
    v = random_unit((5, 6), seed=3)
    emb = embedding_from_array(v)
    labels = emb.isel(band=0, drop=True).copy(data=np.full((5, 6), -1))
    labels[1, 2] = labels[3, 4] = 7                                # two pixels of one class, the rest unlabelled
    one_class_fix_runs(emb, labels, v, "v = emb.where(labels == 7).mean(['y', 'x']); emb.aef.similarity(v / np.linalg.norm(v))")
