"""`aef change` recorded the warnings of its change step and showed them only after the step: an error other than
the same map twice (a `SameMapError`) dropped them, so the warning that explains the error (a year read from a file
name, the overlap of two extents) was never seen (s56 r3 #6). They are now shown however the step ends."""
import warnings

import pytest

from alphaearth_nb import analysis
from alphaearth_nb.cli import main
from alphaearth_nb.core import NoValidDataError, TimeWarning
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_the_warnings_before_an_error_are_shown(tmp_path, monkeypatch, capsys):
    for i, name in enumerate(("a.tif", "b.tif")):
        to_cog(embedding_from_array(random_unit((6, 6), seed=i)), tmp_path / name, overviews=False)
    def change(e1, e2):   # the step warns, then fails with another error than the same map twice
        warnings.warn("the years were read from the file names", TimeWarning)
        raise NoValidDataError("the maps hold no pixel in common")
    monkeypatch.setattr(analysis, "change", change)
    with pytest.warns(TimeWarning, match="read from the file names"):
        rc = main(["change", "--embeddings", str(tmp_path / "a.tif"), "--embeddings", str(tmp_path / "b.tif"),
                   "--out", str(tmp_path / "c.tif")])
    assert rc == 2 and "no pixel in common" in capsys.readouterr().err
