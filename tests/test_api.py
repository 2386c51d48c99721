"The top level (alphaearth_nb/__init__): every module by its own name, no name that means two things."
import importlib
import pkgutil
import subprocess
import sys
import types

import alphaearth_nb as aef


def test_every_module_is_reachable_by_its_own_name():
    for m in pkgutil.iter_modules(aef.__path__):
        if m.name.startswith("_"): continue
        mod = importlib.import_module(f"alphaearth_nb.{m.name}")
        assert getattr(aef, m.name) is mod, f"aef.{m.name} is not the module alphaearth_nb.{m.name}"


def test_module_named_like_a_function_stays_the_module():
    import alphaearth_nb.quantize as q
    from alphaearth_nb import embed, quantize
    assert isinstance(quantize, types.ModuleType) and quantize is q is aef.quantize
    assert isinstance(embed, types.ModuleType) and callable(embed.embed) and callable(quantize.dequantize)
    assert callable(aef.fit) and callable(aef.load_scene) and isinstance(aef.evaluate, types.ModuleType)


def test_the_four_forms_of_a_callable_module():
    import inspect
    import numpy as np
    import alphaearth_nb.quantize as q1
    from alphaearth_nb import quantize as q2
    x = np.array([0.5, -0.25, 0.0], np.float32)
    assert q1 is q2 is aef.quantize and isinstance(q1, types.ModuleType)
    np.testing.assert_array_equal(aef.quantize(x), q1.quantize(x))           # called as the function
    np.testing.assert_array_equal(aef.dequantize(q2(x)), aef.quantize.dequantize(q1.quantize(x)))
    assert callable(aef.embed) and "period" in inspect.signature(aef.embed).parameters
    assert callable(aef.embed.embed_to_zarr) and not callable(aef.evaluate)


def test_fresh_import_order_does_not_matter():  # a submodule imported first must not shadow a later top-level name
    code = "import alphaearth_nb.quantize as q, types; import alphaearth_nb as aef; assert aef.quantize is q, aef.quantize"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
