"""`aef evaluate`'s protocol line and its thinning refusal call only the paper's spacing (1280 m, arXiv 2507.22291
S3.2) the paper's protocol: any other `--spacing` is '(--spacing N, not the paper's protocol, ...)' after the points'
'at least N m apart', the spacing said once (s49 review: '(thinned at N m by --spacing, ...)' repeated it), and 0
scores every pixel (s49 newcomer: `--spacing 1e7` was refused as 'thinned ... (the paper's protocol, 1280 m unless
--spacing says)', and `--spacing 20` printed '(--spacing; the paper's 1280 m ...)')."""
import numpy as np
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.evaluate_points import thin_points

gpd = pytest.importorskip("geopandas")
XY = np.stack(np.meshgrid(np.arange(6) * 300.0, np.arange(6) * 300.0), -1).reshape(-1, 2)   # 36 points 300 m apart
Y = np.arange(36) % 2


@pytest.mark.parametrize("spacing", [1e7, 5000.0])
def test_a_spacing_too_wide_is_not_called_the_papers(spacing):
    with pytest.raises(LabelError) as e: thin_points(np.zeros((36, 2)), Y, XY, spacing, 0, "--labels l.gpkg", "points")
    msg = str(e.value)
    assert f"at least {spacing:g} m apart (--spacing {spacing:g}, not the paper's protocol" in msg, msg
    assert msg.count(f"{spacing:g} m") == 1 and "thinned at" not in msg, msg   # the spacing said once
    assert "(the paper's protocol" not in msg and "1280 m, arXiv 2507.22291 S3.2" in msg, msg


def test_the_papers_spacing_alone_is_the_papers():
    *_, said = thin_points(np.zeros((36, 2)), Y, XY * 10, 1280.0, 0, "--labels l.gpkg", "points")
    assert said.startswith("protocol: 36 points at least 1280 m apart (the paper's 1280 m, arXiv 2507.22291 S3.2)"), said
    assert "not the paper's" not in said, said
    *_, said = thin_points(np.zeros((36, 2)), Y, XY, 0.0, 0, "--labels lab.nc", "pixels")
    assert said.startswith("protocol: every labelled pixel (36)"), said


def test_the_command_line_says_another_spacing_is_not_the_papers(tmp_path, evaluate_cli, labelled_store):
    store, pts = labelled_store
    pts.to_file(tmp_path / "l.gpkg")
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "l.gpkg"), "--spacing", "20")
    line = out.strip().splitlines()[-1]
    assert rc == 0 and line.startswith("protocol: ") and "at least 20 m apart (--spacing 20, not the " \
        "paper's protocol, which thins at 1280 m, arXiv 2507.22291 S3.2)" in line, (out, err)
    assert "thinned at" not in line and line.count("20 m ") == 2, line   # 'at least 20 m apart', 'within 20 m of'
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "l.gpkg"), "--spacing", "1e7")
    assert rc == 2 and "at least 1e+07 m apart (--spacing 1e+07, not the paper's protocol" in err, err
