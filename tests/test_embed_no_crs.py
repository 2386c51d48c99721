"""A stack that records no CRS embedded without a word, and every later call on the embedding failed 'the embedding has
no CRS'; a CRS set on the tree itself (`stack.attrs['crs']`) was not carried to the embedding either. embed now warns
GridWarning naming how to set it, and carries the tree's CRS."""
import warnings

import pytest
import xarray as xr

from alphaearth_nb.core import GridWarning
from alphaearth_nb.embed import embed
from alphaearth_nb.geo import crs_of


@pytest.fixture(scope="module")
def kit(embed_standin):
    stack = embed_standin.make_stack(16, 16)
    return stack, embed_standin.model_on(stack)


def _strip(stack):
    "The stack with no CRS on any source."
    kids = {}
    for k, v in stack.children.items():
        ds = v.to_dataset()
        ds.attrs = {a: x for a, x in ds.attrs.items() if a != "crs"}
        kids[k] = ds
    return xr.DataTree.from_dict(kids)


def test_a_stack_without_a_crs_is_told_at_embed(kit):
    stack, m = kit
    bare = _strip(stack)
    assert crs_of(bare) is None
    with pytest.warns(GridWarning, match=r"records no CRS.*stack\.attrs\['crs'\] = 'EPSG:32631'"):
        emb = embed(bare, m, 2024, progress=False)
    assert crs_of(emb) is None


def test_the_hint_gives_the_embedding_its_crs(kit):
    stack, m = kit
    bare = _strip(stack)
    bare.attrs["crs"] = "EPSG:32631"   # what the warning says to do
    with warnings.catch_warnings():
        warnings.simplefilter("error", GridWarning)
        emb = embed(bare, m, 2024, progress=False)
    assert crs_of(emb) == "EPSG:32631"


def test_a_stack_with_its_crs_is_not_told(kit):
    stack, m = kit
    with warnings.catch_warnings():
        warnings.simplefilter("error", GridWarning)
        emb = embed(stack, m, 2024, progress=False)
    assert crs_of(emb) == "EPSG:32631"
