"""Sentinel-1's orbit direction under another provider's name is read where that is unambiguous: Earth Engine's
`orbitProperties_pass` ('ASCENDING'/'DESCENDING'), STAC's `sat:orbit_state` ('ascending'/'descending'), per frame, as
one value for all frames (stackstac keeps a property shared by every item as a scalar coordinate) or in attrs. Was:
refused as a DTypeError (a naming problem, not a dtype), or, in attrs, every frame read as descending with a warning.
What stays refused (codes whose meaning is not said, words not read, two names that disagree) names the coordinate
read, `ascending`."""
import warnings
import numpy as np, pytest
from alphaearth_nb.core import AEFError, MetadataWarning
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import source_ds

T = ["2024-01-01", "2024-01-07", "2024-01-13"]

def _s1(**coords):
    return source_ds(["VV", "VH"], T, lo=-25, hi=-5, **coords)

def _read(ds):
    with warnings.catch_warnings():
        warnings.simplefilter("error", MetadataWarning)   # no 'every frame is read as descending'
        warnings.filterwarnings("ignore", category=UserWarning, message="(?!.*descending)")
        return validate_stack(ds, "sentinel1")["sentinel1"]["ascending"].values.tolist()

@pytest.mark.parametrize("name, words", [
    ("orbitProperties_pass", ["ASCENDING", "DESCENDING", "ASCENDING"]),   # Earth Engine's COPERNICUS/S1_GRD
    ("sat:orbit_state", ["ascending", "descending", "ascending"]),         # STAC's sat extension
    ("orbit_state", [b"ascending", b"descending", b"ascending"]),          # bytes, as a netCDF char variable reads
])
def test_per_frame_words_are_read(name, words):
    assert _read(_s1(**{name: ("time", np.array(words))})) == [1.0, 0.0, 1.0]

def test_a_scalar_coordinate_is_every_frame():   # stackstac: a property all items share, no time dim
    assert _read(_s1(**{"sat:orbit_state": "ascending"})) == [1.0, 1.0, 1.0]

def test_attrs_are_every_frame():
    assert _read(_s1().assign_attrs(orbitProperties_pass="ASCENDING")) == [1.0, 1.0, 1.0]

def test_our_own_name_wins():
    ds = _s1(ascending=("time", np.float32([0, 0, 1])), orbitProperties_pass=("time", np.array(["ASCENDING"] * 3)))
    assert _read(ds) == [0.0, 0.0, 1.0]

@pytest.mark.parametrize("coords, said", [
    ({"orbit_direction": ("time", np.float32([1, 0, 1]))}, "'orbit_direction'"),              # which is which?
    ({"orbitProperties_pass": ("time", np.array(["A", "X", "D"]))}, "'orbitProperties_pass'"),  # a word not read
    ({"orbitProperties_pass": ("time", np.array(["ASCENDING"] * 3)),
      "sat:orbit_state": ("time", np.array(["descending"] * 3))}, "disagree"),                   # two names, two answers
])
def test_what_stays_refused_names_the_coordinate_read(coords, said):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(AEFError) as e: validate_stack(_s1(**coords), "sentinel1")
    msg = str(e.value)
    assert said in msg and "`ascending`" in msg and "read from" in msg, msg
