"The xarray face: two thin accessors, one for stacks and one for embeddings, each method a free function."
import inspect

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.accessor import EmbeddingAccessor, StackAccessor, forward
from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import PARAMETERS, ConfigError, DimensionError, NoDataWarning
from alphaearth_nb.embed import embed
from alphaearth_nb.testing import embedding_from_array, fake_official, random_unit


def test_stack_methods_of_embeddings_fail_early_with_the_fix():
    with pytest.raises(DimensionError, match="works on an embedding.*aef.embed"):
        xr.Dataset({"B2": (("time", "y", "x"), np.zeros((1, 2, 2)))}).aef.rgb()


def test_a_class_map_dataset_draws_and_names_its_map_not_a_stack(emb):
    """classify's and cluster's results are Datasets: `.aef.plot()` on one (the quick start draws maps so) was told
    to embed a stack first, then (session 25) refused although maps.plot's help lists a classify/cluster Dataset: it
    draws it as maps.plot does, class names in the legend. map_to_cog/vectorize name the map DataArray, an embedding's
    method the embedding to use."""
    import matplotlib.pyplot as plt
    import pandas as pd
    from alphaearth_nb.maps import plot
    pts = pd.DataFrame({"x": emb.x.values[1:5], "y": emb.y.values[1:5], "label": ["a", "b", "a", "b"]})
    for ds, var in ((emb.aef.classify(pts, k=1), "class"), (emb.aef.cluster(2), "cluster")):
        ax, ref = ds.aef.plot(), plot(ds)
        np.testing.assert_array_equal(ax.images[0].get_array(), ref.images[0].get_array())   # the class colours
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert legend == [t.get_text() for t in ref.get_legend().get_texts()] and ax.get_title() == var
        if var == "class": assert set(legend) <= {"a", "b"} and legend, legend             # names, not ids
        plt.close("all")
        with pytest.raises(DimensionError, match=rf"ds\['{var}'\]\.aef\.vectorize") as e:
            ds.aef.vectorize()
        assert "embed it first" not in str(e.value)
        with pytest.raises(DimensionError, match=r"embedding that went into"):
            ds.aef.similarity(random_unit((), seed=1))
    landcover = xr.Dataset({"class": (("time", "y", "x"), np.zeros((1, 2, 2)))})   # a source whose band is `class`
    with pytest.raises(DimensionError, match="embed it first"):
        landcover.aef.plot()


def test_embed_forwards_to_embed(emb):
    calls = []
    fake = lambda stack, model, period, **kw: calls.append((stack, model, period, kw)) or emb
    stack = xr.DataTree.from_dict({"sentinel2": xr.Dataset({"B2": (("time", "y", "x"), np.ones((1, 2, 2)))})})
    assert forward(fake)(stack.aef, "model", 2024, batch_size=2) is emb
    assert calls == [(stack, "model", 2024, {"batch_size": 2})]
    m = StackAccessor.embed  # built by `forward` from `embed.embed`: its name, docstring, signature less the stack
    assert (m.__name__, m.__module__) == ("embed", embed.__module__)
    assert m.__doc__.partition(PARAMETERS)[0] == embed.__doc__.partition(PARAMETERS)[0]   # its section: less `stack`
    assert list(inspect.signature(m).parameters)[:3] == ["self"] + list(inspect.signature(embed).parameters)[1:3]


def test_accessors_registered_by_kind(emb):
    ds = fake_official(emb)
    assert isinstance(emb.aef, EmbeddingAccessor)
    assert emb.aef.embedding.shape == (7, 6, 64)
    for obj in (ds, xr.DataTree(ds)):
        assert isinstance(obj.aef, StackAccessor)
    with pytest.raises(DimensionError, match="from_official"):   # a tree is a stack's form
        xr.DataTree(ds).aef.embedding


@pytest.mark.parametrize("layout", ["v0", "v1"])
@pytest.mark.parametrize("codes", [False, True])
def test_an_official_dataset_answers_as_its_dataarray(emb, layout, codes):
    """xee's official product (A00..A63 over (time, X, Y) or (time, y, x), float or int8 codes) answers every `.aef`
    method as `aef.from_official(ds)` does, as the free functions already did on the Dataset. Was: DimensionError
    'works on an embedding ... not on a Dataset stack' for each of them."""
    import pandas as pd
    from alphaearth_nb.embeddings import from_official
    ds = fake_official(emb.aef.quantize() if codes else emb, layout)
    da = from_official(ds)
    x, y = float(da.x[2]), float(da.y[3])
    pts = pd.DataFrame({"x": da.x.values[1:5], "y": da.y.values[1:5], "label": ["a", "b", "a", "b"]})
    calls = {"embedding": None, "similarity": ((x, y),), "change": (da.isel(x=slice(None, None, -1)).roll(y=1, roll_coords=False),),   # turned, and another map
             "cluster": (2,), "classify": (pts,), "rgb": (), "coarsen": (2,)} | ({} if codes else {"quantize": ()})
    for name, args in calls.items():
        a, b = ((o.aef.embedding if args is None else getattr(o.aef, name)(*args)) for o in (ds, da))
        for v in (a.data_vars if isinstance(a, xr.Dataset) else [None]):
            av, bv = (a, b) if v is None else (a[v], b[v])
            assert av.dims == bv.dims, name
            np.testing.assert_allclose(av.values.astype(float), bv.values.astype(float), atol=1e-6, err_msg=name)
    np.testing.assert_allclose(ds.aef.similarity((x, y)).sel(x=x, y=y), 1.0, atol=1e-6)   # the pixel itself
    assert ds.aef.sample(([x], [y]), crs="EPSG:32631").equals(da.aef.sample(([x], [y]), crs="EPSG:32631"))
    assert ds.aef.validate().equals(da.aef.validate())   # validate_embedding, not the stack's check


def test_methods_show_their_function(emb):
    v = random_unit((), seed=4)
    assert similarity.__doc__.partition(PARAMETERS)[0] == EmbeddingAccessor.similarity.__doc__.partition(PARAMETERS)[0]
    assert list(inspect.signature(EmbeddingAccessor.similarity).parameters) == ["self", "target", "crs"]
    np.testing.assert_array_equal(emb.aef.similarity(v).values, similarity(emb, v).values)


def test_validate_on_an_embedding_checks_the_field_and_says_what_it_found(emb):
    # `.aef.validate()` on a DataArray was a bare AttributeError: the embedding accessor had no validate
    from alphaearth_nb.core import AEFError, GridError, NoValidDataError
    from alphaearth_nb.embeddings import as_embedding
    out = emb.aef.validate()
    xr.testing.assert_identical(out, as_embedding(emb))
    assert out.dims == ("y", "x", "band") and out.sizes["band"] == 64
    xr.testing.assert_allclose(emb.aef.quantize().aef.validate(), as_embedding(emb.aef.quantize()))  # int8: read
    with pytest.raises(DimensionError, match="64"):
        emb.isel(band=slice(0, 32)).aef.validate()
    xs = emb.x.values.copy(); xs[-1] += 3.0   # a pixel off the lattice: no regular grid
    with pytest.raises(GridError, match="evenly spaced"):
        emb.assign_coords(x=xs).aef.validate()
    half = emb.copy(data=emb.values * np.where(np.arange(emb.sizes["y"]) < 2, 3.0, 1.0)[:, None, None])
    with pytest.warns(NoDataWarning, match="not embedding vectors"):   # pixels three units long: found and said
        out = half.aef.validate()
    assert out[:2].isnull().all() and out[2:].count() == emb[2:].count()
    with pytest.raises(NoValidDataError, match="no pixel"):
        (emb * np.nan).aef.validate()
    band = xr.DataArray(np.ones((2, 3, 3), np.float32), dims=("time", "y", "x"), name="B4")
    with pytest.raises(AEFError, match=r"not an embedding field.*validate_stack|not an embedding field.*to_dataset"):
        band.aef.validate()   # any other DataArray: the package's error, naming what to call instead


def test_change_without_other_on_a_cube_points_to_yearly_change():
    # `cube.aef.change()` on a 2-year cube was a bare TypeError (missing `other`)
    e = embedding_from_array(random_unit((4, 6), seed=3))
    cube = xr.concat([e, e], dim="time").assign_coords(time=[2023, 2024])
    with pytest.raises(ConfigError, match=r"yearly_change.*cube\.isel\(time=0\)\.aef\.change\(cube\.isel\(time=-1\)\)"):
        cube.aef.change()
