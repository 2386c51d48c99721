"""aef demo's 10-shot table scores every labelled pixel of the sample scene beside its neighbours (the every-pixel
protocol, `aef evaluate --spacing 0`'s), which flatters any model; its report and printed table did not say so (s48
review). The report now names the protocol, says the scores are optimistic, and what the paper's spacing (1280 m,
`aef evaluate`'s default) keeps of the scene: too few points for 10 shots a class there."""
import json

import numpy as np
import xarray as xr

from alphaearth_nb import demo
from alphaearth_nb.draws import PAPER_MIN_DIST
from alphaearth_nb.testing import embedding_from_array, random_unit


def _report(tmp_path, h=40, w=40):
    "The demo's report of two random maps of h x w pixels of 10 m and four classes in stripes (no training)."
    embs = {2023: embedding_from_array(random_unit((h, w), seed=1)), 2024: embedding_from_array(random_unit((h, w), seed=2))}
    lab = (np.arange(w)[None, :] * 4 // w + np.zeros((h, 1), int)).astype(np.int16)
    labels = xr.DataArray(np.stack([lab, lab]), dims=("year", "y", "x"),
                          coords={"year": [2023, 2024], "y": embs[2023].y, "x": embs[2023].x})
    ch = xr.DataArray(np.zeros((h, w), np.float32), dims=("y", "x"), coords={"y": embs[2023].y, "x": embs[2023].x})
    rep = demo._report(tmp_path, embs, ch, labels, [{"loss": 1.0}] * 12, 12, 4, 0, 0.0)
    return rep, (tmp_path / "report.md").read_text()


def test_the_report_names_the_every_pixel_protocol_and_what_the_paper_s_spacing_keeps(tmp_path, capsys):
    rep, md = _report(tmp_path)
    printed = capsys.readouterr().out
    for text in (md, printed):   # the file and the table printed by `aef demo`
        assert "every-pixel protocol" in text and "--spacing 0" in text and "optimistic" in text, text
        assert f"points {PAPER_MIN_DIST:g} m apart" in text and "too few for 10 shots a class" in text, text
    on = json.loads((tmp_path / "report.json").read_text())
    assert "every labelled pixel" in on["tenshot_protocol"], on
    # 40 x 40 pixels of 10 m (390 m between the outer centres): one point 1280 m apart from any other, at most
    assert on["labelled_extent_m"] == 390.0 and on["paper_points"] == 1 and on["paper_points_most_of_a_class"] == 1, on
    assert f"keeps {on['paper_points']} point, at most 1 of a class" in md, md


def test_a_scene_wide_enough_is_said_to_be_scored_so():
    "The words follow the counts: enough points of a class 1280 m apart are not called too few."
    rep = {"paper_points": 400, "paper_points_most_of_a_class": 60, "labelled_extent_m": 30000.0}
    said = demo._paper_said(rep)
    assert "keeps 400 points, at most 60 of a class" in said and "too few" not in said and "30.0 km" in said, said
