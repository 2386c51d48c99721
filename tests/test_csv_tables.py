"Tables as spreadsheets save them (UTF-16, a Windows code page, ';' with decimal commas, padded headers) are read or "
"refused with a fix that works, by every reader of a user's CSV: `aef evaluate`/`aef train --texts` and places. Kind G."
import contextlib
import io

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import cli, places
from alphaearth_nb.core import LabelError

NAMES = ["forêt", "bâti", "prairie"]   # names with accents: what a Windows code page spells differently


def _table():
    x = np.random.default_rng(0).normal(size=(60, 64)); x /= np.linalg.norm(x, axis=1, keepdims=True)
    df = pd.DataFrame(x.round(4), columns=[f"A{i:02d}" for i in range(64)])
    df["label"] = np.repeat(NAMES, 20)
    return df


def _evaluate(path, *extra):
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        rc = cli.main(["evaluate", "--embeddings", str(path), "--folds", "2", "--shots", "1", *extra])
    return rc, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("how", [dict(sep="\t", encoding="utf-16"),               # Excel: 'Unicode Text'
                                 dict(sep=",", encoding="utf-16"),
                                 dict(sep=";", decimal=",", encoding="utf-8-sig"),  # Excel 'CSV UTF-8', French locale
                                 dict(sep=",", encoding="utf-32")])
def test_unicode_tables_with_a_byte_order_mark_are_read(tmp_path, how):
    _table().to_csv(tmp_path / "plain.csv", index=False)
    _table().to_csv(tmp_path / "t.csv", index=False, **how)
    want = _evaluate(tmp_path / "plain.csv")
    got = _evaluate(tmp_path / "t.csv")
    assert got[0] == 0, got[2][-400:]
    assert got[1] == want[1]


@pytest.mark.parametrize("sep,decimal", [(",", "."), (";", ",")])
def test_a_windows_code_page_is_refused_with_a_fix_that_works(tmp_path, sep, decimal):
    p = tmp_path / "labels.csv"
    _table().to_csv(p, index=False, sep=sep, decimal=decimal, encoding="cp1252")   # Excel 'CSV (Comma delimited)'
    rc, _, err = _evaluate(p)
    assert rc == 2 and "aef: error:" in err and "not UTF-8" in err and "CSV UTF-8" in err and "Traceback" not in err
    fix = err[err.index("`") + 1:err.index("`", err.index("`") + 1)]   # the conversion the message gives, run
    exec(fix, {"pd": pd})
    rc, out, err = _evaluate(tmp_path / "labels-utf8.csv")
    assert rc == 0, err[-400:]
    assert rc == 0 and out == _evaluate(_write_plain(tmp_path))[1]


def _write_plain(tmp_path):
    _table().to_csv(tmp_path / "plain.csv", index=False); return tmp_path / "plain.csv"


def test_padded_header_and_cells_are_read(tmp_path):
    p = tmp_path / "padded.csv"
    p.write_text(_table().to_csv(index=False).replace(",", ", ").replace("label\n", "label \n", 1))
    rc, out, err = _evaluate(p)
    assert rc == 0, err[-400:]
    assert out == _evaluate(_write_plain(tmp_path))[1]


@pytest.mark.parametrize("how", [dict(sep=";", decimal=","), dict(sep="\t", encoding="utf-16"),
                                 dict(encoding="utf-8-sig"), dict(sep=", ")])
def test_places_read_point_tables_as_the_command_does(tmp_path, how):
    df = pd.DataFrame({"lon": [2.35, 2.36, 2.375], "lat": [48.85, 48.86, 48.875], "name": NAMES})
    p = tmp_path / "pts.csv"
    if how.get("sep") == ", ": p.write_text(df.to_csv(index=False).replace(",", ", "))
    else: df.to_csv(p, index=False, **how)
    got = places.read_geometries(p)
    np.testing.assert_allclose(got.geometry.x, df.lon); np.testing.assert_allclose(got.geometry.y, df.lat)
    df.to_csv(p, index=False, encoding="cp1252")
    with pytest.raises(LabelError, match="not UTF-8.*encoding='cp1252'"): places.read_geometries(p)
