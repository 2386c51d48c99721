"""embed (555 of the layout's 600 lines in session 54) has what it needs from a model in `model_inputs`
(nbs/20c_model_inputs, session 55): `model_spec` (patch, sources, width; what is no model named with the call that
gives one), `model_id` (the identity embeddings record), `check_sources` and `leave_unread` (a stack's sources against
the model's). embed re-exports the three it had public, the same objects, in its `__all__`, so `from
alphaearth_nb.embed import model_spec, model_id` works as before."""
import pytest

from alphaearth_nb.core import ConfigError, MissingSourceError


def test_embed_re_exports_what_moved_to_model_inputs(reexported):
    model_inputs, embed = reexported("model_inputs", "embed", ["model_spec", "model_id", "check_sources"])
    assert set(model_inputs.__all__) == {"model_spec", "model_id", "check_sources", "leave_unread"}


def test_the_moved_refusals_through_embed():
    from alphaearth_nb.embed import check_sources, model_spec
    with pytest.raises(ConfigError, match="preset name, not a trained model"):
        model_spec("tiny")
    with pytest.raises(MissingSourceError, match=r"stack\['sentinel1'\] = ds"):
        check_sources(["sentinel2"], ("sentinel1", "sentinel2"))


def test_their_docstrings_name_the_errors_they_raise():
    from alphaearth_nb.model_inputs import check_sources, model_spec
    assert "ConfigError" in model_spec.__doc__
    assert "MissingSourceError" in check_sources.__doc__ and "UnknownSourceError" in check_sources.__doc__


def test_the_split_modules_keep_under_the_cap(split_module_check):
    split_module_check("model_inputs", 150)   # 104 when split from embed (session 55)
    split_module_check("embed", 520)   # 555 in session 54, 476 once model_inputs left it
