"""`ds.aef.to_cog(path)` of a similarity map's `.to_dataset()` (or a change map's) said the generic stack words, "works
on an embedding ... not on a Dataset stack: embed it first with `.aef.embed(model, period)`", though the Dataset holds
a map the package made: the accessor knew `classify`'s and `cluster`'s Datasets only (by their pairs of variables),
where `to_cog(ds, path)` (`map_files.map_given`) knew every map. Both now go by `map_files.map_held`: the Dataset is
named as `similarity`'s (`change`'s) result and the fix is its writer, `ds['similarity'].aef.map_to_cog(path)`, a call
that runs; `ds.aef.plot()` draws the map. A source of a stack (attrs['source'], a land-cover source's `class`) keeps
the stack words, and so does a `class` over `time` without `classify`'s `scores`."""
import re

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit

rasterio = pytest.importorskip("rasterio")


def _maps():
    a = embedding_from_array(random_unit((12, 10), seed=2)).assign_coords(time=np.datetime64("2023-01-01"))
    b = embedding_from_array(random_unit((12, 10), seed=3)).assign_coords(time=np.datetime64("2024-01-01"))
    return {"similarity": a.aef.similarity(a.isel(y=0, x=0)), "change": a.aef.change(b)}


@pytest.mark.parametrize("var", ["similarity", "change"])
def test_to_cog_of_a_map_dataset_names_map_to_cog_and_the_call_runs(tmp_path, var):
    m = _maps()[var]
    ds = m.to_dataset()
    path = tmp_path / "m.tif"
    with pytest.raises(DimensionError) as e:
        ds.aef.to_cog(path)
    said = str(e.value)
    assert "embed it first" not in said and "stack" not in said, said
    assert f"`{var}`'s result" in said, said
    call = re.search(r"`(ds\['\w+'\]\.aef\.map_to_cog\(path\))`", said).group(1)
    out = eval(call, {"ds": ds, "path": str(path)})   # the call it names, run as written
    with rasterio.open(out) as f:
        np.testing.assert_allclose(f.read(1), m.values.astype(np.float32), rtol=1e-6)


@pytest.mark.parametrize("var", ["similarity", "change"])
def test_other_embedding_methods_name_the_map_not_a_stack(var):
    ds = _maps()[var].to_dataset()
    with pytest.raises(DimensionError) as e:
        ds.aef.quantize()
    said = str(e.value)
    assert f"`{var}`'s result" in said and "embed it first" not in said, said
    with pytest.raises(DimensionError, match=re.escape(f"ds['{var}'].aef.map_to_cog(...)")):
        ds.aef.map_to_cog("m.tif")


def test_plot_of_a_map_dataset_draws_its_map():
    pytest.importorskip("matplotlib")
    import matplotlib
    matplotlib.use("Agg")
    ds = _maps()["similarity"].to_dataset()
    ax = ds.aef.plot()
    assert ax is not None


@pytest.mark.parametrize("attrs", [{"source": "landcover"}, {}])
def test_a_stack_source_named_class_keeps_the_stack_words(tmp_path, attrs):
    lc = xr.Dataset({"class": (("time", "y", "x"), np.zeros((2, 3, 4), np.uint8))}, attrs=attrs)
    for call in (lambda: lc.aef.to_cog(tmp_path / "lc.tif"), lambda: lc.aef.plot()):
        with pytest.raises(DimensionError, match="embed it first"):
            call()
