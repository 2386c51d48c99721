"""Why a plain `xr.concat` of two models' maps is detected only by the year attrs it leaves (cubes.one_model's
docstring): under xarray's coming defaults no per-map record short of an index coordinate of its own survives it or
is refused. If this test fails, xarray changed, and a per-map record of the model may now be kept: look again."""
import warnings

import pytest
import xarray as xr

from alphaearth_nb.core import MetadataWarning, MixedModelsError
from alphaearth_nb.cubes import join_years, one_model
from alphaearth_nb.embeddings import OFFICIAL_COLLECTION
from alphaearth_nb.testing import embedding_from_array, random_unit

OWN = "alphaearth_nb tiny sha256:0123456789ab"


def _map(name, seed, **coords):
    return embedding_from_array(random_unit((3, 3), seed=seed)).assign_coords(**coords).assign_attrs(
        {"embedding:model": name})


def test_coming_defaults_keep_the_first_maps_record():
    from xarray.core.options import OPTIONS
    if "use_new_combine_kwarg_defaults" not in OPTIONS:
        pytest.skip("this xarray has no use_new_combine_kwarg_defaults option")
    a, b = _map(OFFICIAL_COLLECTION, 1, model=OFFICIAL_COLLECTION), _map(OWN, 2, model=OWN)
    with xr.set_options(use_new_combine_kwarg_defaults=True):
        cube = xr.concat([a, b], "time")
        assert cube.attrs["embedding:model"] == OFFICIAL_COLLECTION                 # attrs: the first's
        assert cube.coords["model"].ndim == 0 and cube.coords["model"].item() == OFFICIAL_COLLECTION   # scalar coord
        along = [m.assign_coords(rec=("band", [m.attrs["embedding:model"]] * 64)) for m in (a, b)]
        assert set(xr.concat(along, "time").coords["rec"].values) == {OFFICIAL_COLLECTION}   # along band: the first's
        with pytest.raises(ValueError):                                              # only an index dim is refused
            xr.concat([m.expand_dims(model_dim=[m.attrs["embedding:model"]]).drop_vars("model") for m in (a, b)],
                      "time")


def test_what_is_caught_and_the_checked_join():
    "A concat whose first map records its year is warned; one whose first map records none passes; join_years refuses."
    own = _map(OWN, 2).assign_attrs(period_start="2024-01-01T00:00:00", period_end="2025-01-01T00:00:00")
    official_year = _map(OFFICIAL_COLLECTION, 1)                                     # official.open(...).isel(time=0)
    with pytest.warns(MetadataWarning, match="join_years"):
        one_model(xr.concat([own, official_year], "time"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", MetadataWarning)
        assert one_model(xr.concat([official_year, own], "time")) == OFFICIAL_COLLECTION   # the documented gap
    with pytest.raises(MixedModelsError, match="official product"):
        join_years([official_year, own], [2023, 2024])
    nxt = own.assign_attrs(period_start="2025-01-01T00:00:00")                        # each its own recorded year
    assert join_years([own, nxt]).attrs["embedding:model"] == OWN
