"""Newcomer s53 item 21: a Sentinel-2 stack with ESA's SCL layer and no `cloud` layer got a 600-character
SourceWarning (the bands dropped, no cloud mask, Cloud Score+'s recipe) whose fix for the data at hand, a cloud layer
made from SCL, was in none of it. The note now leads with that one line, then the drop, then why; run as written,
both lines give a stack that validates with no note and a cloud layer flagging SCL's cloud classes."""
import re
import warnings


from alphaearth_nb.core import SourceWarning
from alphaearth_nb.stacks import toy_stack, validate_stack


def _notes(stack):
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        out = validate_stack(stack, source="sentinel2")
    return out, [str(w.message) for w in got if issubclass(w.category, SourceWarning)]


def test_scl_note_leads_with_the_cloud_line_that_runs():
    ds = toy_stack()["sentinel2"].to_dataset()
    scl = (ds["B4"] * 0 + 4).astype("uint8")   # SCL 4: vegetation
    scl[:, 0, 0], scl[:, 1, 1] = 9, 3          # cloud of high probability, cloud shadow
    _, said = _notes(ds.assign(SCL=scl, B1=ds["B4"]))
    assert len(said) == 1, said
    head = said[0][:160]
    assert "ds['cloud'] = ds['SCL'].isin([3, 8, 9, 10])" in head, said[0]
    codes = re.findall(r"`(ds(?:\['cloud'\])? = [^`]*)`", said[0])
    ns = {"ds": ds.assign(SCL=scl, B1=ds["B4"])}
    for c in codes[:2]: exec(c, ns)            # the cloud line, then the drop, in the order said
    out, again = _notes(ns["ds"])
    cloud = out["sentinel2"]["cloud"].values
    assert not again and cloud[:, 0, 0].all() and cloud[:, 1, 1].all() and not cloud[:, 2, 2].any(), again
