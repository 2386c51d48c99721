"""The label-column guess on WorldCereal's points proposed `feature_index` (a row id) with the crop code `ewoc_code`
20th, after reflectance bands (newcomer s56 #11): known label names come first, ids and measurements last."""
import numpy as np
import pandas as pd

from alphaearth_nb.tables import label_column_guess


def test_a_known_label_name_before_ids_and_bands():
    n = 400
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"feature_index": np.arange(n) % 150, "sample_id": np.arange(n) % 120,
                       "S2-L2A-B02": rng.integers(100, 3000, n), "tile": np.repeat(["31TGL", "32TLR"], n // 2),
                       "slope": rng.integers(0, 30, n), "ewoc_code": np.repeat([1101, 1102, 1201, 2000], n // 4)})
    col, why = label_column_guess("label", df)
    assert col == "ewoc_code", why
    order = why.split(": ", 1)[1].split(", ")
    assert order.index("feature_index") > order.index("slope") and order.index("sample_id") > order.index("slope")


def test_lulc_id_then_name_kept():
    df = pd.DataFrame({"RABA_ID": [1, 2, 3, 4, 5, 6], "LULC_ID": [1, 1, 2, 2, 3, 3], "LULC_NAME": list("aabbcc")})
    col, why = label_column_guess("label", df)
    assert col == "LULC_ID" and "LULC_ID, LULC_NAME" in why, why
