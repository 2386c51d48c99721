"""Leftovers of s37-tidy (session 37): `aef evaluate --embeddings x.csv` of a linear int8 scaling, round(127 x),
warned and read as the map's gate reads one (x = q / |q|), where it reached the probes as vectors of length 127
without a word (`labels_from_csv` gave float32 before the gate's table check, so `_linear_codes` never fired);
bands named twice name the columns to drop (was `df.drop(columns=[...])`, which `cli_args.shell_words` cannot
translate); an int8 map reaches `aef evaluate` dequantised by `as_embedding` (so `evaluate_cmd`'s own dequantise
of int8 was dead code, removed)."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import embeddings
from alphaearth_nb.bands import band_columns
from alphaearth_nb.cli import main
from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import DimensionError, UnitsWarning, band_names
from alphaearth_nb.evaluate_cmd import labels_from_csv
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import random_unit


def _linear_table(n=40) -> tuple:
    "`n` rows of round(127 x) of unit vectors x (ints, as `(emb * 127).astype('int8')` writes them), labels 0/1."
    q = np.round(np.asarray(random_unit((n,), seed=0), np.float64) * 127).astype(np.int64)
    return pd.DataFrame(q, columns=band_names()).assign(label=[0, 1] * (n // 2)), q


def test_labels_from_csv_reads_a_linear_int8_scaling_as_directions():
    "Hand-worked: each row q of round(127 x) is read as q / |q| (unit length), warned once, counted in rows."
    df, q = _linear_table()
    with pytest.warns(UnitsWarning, match=r"40 of 40 row\(s\) are a linear scaling of embeddings") as w:
        x, y = labels_from_csv(df, "label")
    assert len([m for m in w if "linear scaling" in str(m.message)]) == 1
    want = q / np.sqrt((q.astype(np.float64) ** 2).sum(1, keepdims=True))
    np.testing.assert_allclose(x, want, atol=1e-6)
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    assert x.dtype == np.float32 and list(y) == [0, 1] * 20


def test_labels_from_csv_leaves_unit_vectors_and_official_codes_alone():
    "Unit vectors (length 1) and the product's codes (length ~300, decoding to unit length) are no linear scaling."
    u = np.asarray(random_unit((40,), seed=1), np.float32)
    for v in (u, np.asarray(quantize(u)).astype(np.int64)):
        with warnings.catch_warnings():
            warnings.simplefilter("error", UnitsWarning)
            x, _ = labels_from_csv(pd.DataFrame(v, columns=band_names()).assign(label=[0, 1] * 20), "label")
        np.testing.assert_array_equal(x, v.astype(np.float32))


def test_aef_evaluate_warns_of_a_linear_int8_table_as_of_a_map(tmp_path, capsys):
    "Through the command: the one warning the map's gate gives, in rows, and the probes get unit vectors."
    df, _ = _linear_table()
    df.to_csv(tmp_path / "e.csv", index=False)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        rc = main(["--no-compile-cache", "evaluate", "--embeddings", str(tmp_path / "e.csv"), "--shots", "1",
                   "--folds", "2"])
    said = [shell_words(str(m.message), "evaluate") for m in w if "linear scaling" in str(m.message)]
    assert rc in (0, None) and len(said) == 1, (capsys.readouterr().err, said)
    assert said[0].startswith("40 of 40 row(s) are a linear scaling of embeddings (length about 127"), said


def test_bands_named_twice_name_the_columns_to_drop():
    "Hand-worked: a00..a63 beside A1 and A02: the fix drops A1 and A02 by name, and the command says the file's fix."
    names = [f"a{i:02d}" for i in range(64)] + ["A1", "A02"]
    with pytest.raises(DimensionError) as e:
        band_columns(names)
    assert "`df.drop(columns=['A1', 'A02'])`" in str(e.value), e.value
    assert "delete the columns 'A1', 'A02' from the file" in shell_words(str(e.value), "evaluate"), e.value


def test_aef_evaluate_names_the_file_for_bands_named_twice(tmp_path, capsys):
    "Through the command: a table with a00..a63 and A1 is refused, the fix deletes A1 from the file."
    u = np.asarray(random_unit((40,), seed=0), np.float32)
    df = pd.DataFrame(u, columns=[f"a{i:02d}" for i in range(64)]).assign(A1=u[:, 1], label=[0, 1] * 20)
    df.to_csv(tmp_path / "e.csv", index=False)
    rc = main(["--no-compile-cache", "evaluate", "--embeddings", str(tmp_path / "e.csv"), "--shots", "1",
               "--folds", "2"])
    err = [l for l in capsys.readouterr().err.splitlines() if l.startswith("aef: error: ")]
    assert rc == 2 and err and "delete the column 'A1' from the file" in err[-1], err
    assert "df." not in err[-1] and "[...]" not in err[-1], err


def test_as_embedding_gives_an_int8_map_dequantised():
    "Why `aef evaluate` needs no dequantise of its own: an int8 map (the product's codes) comes back as float32 " \
    "vectors, each code decoded (`dequantize`), so an `emb.dtype == np.int8` test after it never held."
    u = np.asarray(random_unit((3, 4), seed=2), np.float32)
    q = xr.DataArray(np.asarray(quantize(u)), dims=("y", "x", "band"),
                     coords={"y": [3.0, 2.0, 1.0], "x": [0.0, 1.0, 2.0, 3.0], "band": band_names()})
    emb = embeddings.as_embedding(q)
    assert emb.dtype == np.float32
    np.testing.assert_allclose(emb.values, np.asarray(dequantize(q.values)), atol=1e-6)


def test_linear_rows_leaves_fill_rows_and_other_rows_as_given():
    "Hand-worked: a fill row 64 x 16 (length 128, in the linear range) and a unit vector stay; the linear row is q/|q|."
    from alphaearth_nb.gate import linear_rows
    u = np.asarray(random_unit((2,), seed=3), np.float64)
    q = np.round(u[0] * 127)
    x = np.stack([q, np.full(64, 16.0), u[1]])
    with pytest.warns(UnitsWarning, match=r"1 of 3 row\(s\) are a linear scaling"):
        out = linear_rows(x)
    np.testing.assert_allclose(out[0], q / np.linalg.norm(q), atol=1e-12)
    np.testing.assert_array_equal(out[1:], x[1:])


def test_a_resumed_models_config_fix_is_the_commands_under_aef_train():
    "`aef train --resume` reaches the warning where the run's model is no preset it builds (kappa=100 on tiny's " \
    "sizes, from Python: the header records no preset, --preset tiny loads it): the fix is the command's there."
    from alphaearth_nb.checkpoint import jsonable
    from alphaearth_nb.core import TrainingWarning
    from alphaearth_nb.model import preset
    from alphaearth_nb.run_data import warn_model
    with pytest.warns(TrainingWarning, match="model config") as w:
        warn_model(preset("tiny"), jsonable(preset("tiny", kappa=100.0)))
    said = str(w[0].message)
    assert "(`aef.train.model_config(header)` / `aef train --resume` without --preset;" in said, said
    shell = shell_words(said, "train")
    assert "model_config" not in shell and "(`aef train --resume` without --preset; a model of no preset, built in " \
        "Python, resumes in Python only)" in shell, shell
