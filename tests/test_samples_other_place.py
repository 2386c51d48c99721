"""`aef evaluate --labels samples` with embeddings of another place is told the places differ, with both extents,
and the fixes (labels of their own place, or the sample scene embedded and scored), before any question of time
(s49 newcomer: 'the embeddings record no period ... embed the sample scene for one of its years', a time error for
a map 600 km away). Embeddings on the scene's ground still get the period's refusal."""
import numpy as np
import pytest

from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit


def _store(tmp_path, name, x0, y0, **attrs):
    e = embedding_from_array(random_unit((6, 5), seed=2), coords={"x": x0 + 10 * np.arange(5), "y": y0 - 10 * np.arange(6)})
    e.attrs.update(attrs)
    return str(to_zarr(e, tmp_path / name))


@pytest.mark.parametrize("period", [{}, {"period_start": "2024-01-01", "period_end": "2025-01-01"}], ids=["none", "2024"])
def test_embeddings_of_another_place_are_told_so(tmp_path, evaluate_cli, period):
    store = _store(tmp_path, "e.zarr", 500_005.0, 4_999_995.0, **period)   # UTM 31N near 45 N, 3 E: not the scene
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", "samples")
    assert rc == 2 and "the embeddings lie elsewhere, lon 3.0000..3.0006, lat 45.1529..45.1535" in err, err
    assert "--labels samples holds the sample scene's classes, lon 4.98" in err and "in EPSG:32631" in err, err
    assert "Pass --labels labels of their own place" in err and "`aef embed --checkpoint out/train --period 2024" in err, err
    assert "period" not in err.split("aef embed")[0], err   # no time error


def test_embeddings_on_the_scene_still_need_their_year(tmp_path, evaluate_cli):
    store = _store(tmp_path, "s.zarr", 640_105.0, 5_619_895.0)   # inside the scene's 1.5 km square, no period
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", "samples")
    assert rc == 2 and "record no period" in err and "elsewhere" not in err, err
