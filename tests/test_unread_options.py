"""`aef evaluate` refuses an option that nothing would read beside zarr embeddings, as it does beside a CSV
(7b692a8): --labels-var with `--labels samples` (the sample scene's labels are one raster, no variable to pick) and
--label-column (a CSV's column; a zarr store's labels come from --labels). Was: ignored, exit 0, the table made as
if the option had not been given (with --labels-var nope: 50 folds a level evaluated on the sample labels)."""
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return str(to_zarr(embedding_from_array(random_unit((6, 6))), tmp_path_factory.mktemp("ev") / "e.zarr"))


@pytest.mark.parametrize("extra, named", [(["--labels", "samples", "--labels-var", "nope"], "--labels-var"),
                                          (["--labels", "samples", "--label-column", "dw_label"], "--label-column")])
def test_unread_option_refused(store, capsys, extra, named):
    assert main(["evaluate", "--embeddings", store, *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("aef: error:") and named in err and "read by nothing" in err and "Traceback" not in err, err
