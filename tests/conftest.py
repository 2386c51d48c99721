import os
from pathlib import Path

import numpy as np
import pytest

from alphaearth_nb.core import compile_cache
from alphaearth_nb.testing import embedding_from_array, random_unit

os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("AEF_KEEP_HEAP", "0")  # glibc's defaults here: `fit` would keep the heap (core.keep_heap),
                                            # and the tests compile more than they step
compile_cache()  # compiled programs are reused across test runs; AEF_COMPILE_CACHE=0 turns this off
ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("AEF_SHARED_DATA", ROOT.parent / "shared" / "data"))
SAMPLES = ROOT / "alphaearth_nb" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    "The real data sets beside the repository; tests that need them skip when the folder is absent."
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data not found at {SHARED_DATA}: put ../shared/data beside the clone or set AEF_SHARED_DATA")
    return SHARED_DATA


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    "The committed offline sample scene (package data)."
    return SAMPLES


@pytest.fixture(scope="module")
def emb():
    "A 7 x 6 embedding of random unit vectors with two no-data pixels (test files may define their own)."
    e = embedding_from_array(random_unit((7, 6), seed=0))
    e[0, 0] = np.nan
    e[3, 4] = np.nan
    return e
