"""A docstring wrapped as adjacent strings on separate lines without a join is two statements, and only the first
becomes `__doc__`: help(aef.fit) read "... Keeps this process's freed memory " and stopped. Each line but the last
of such a docstring ends with a backslash (or the strings stand inside one pair of parentheses)."""
import ast
from pathlib import Path

import pytest

import alphaearth_nb as aef

PKG = Path(aef.__file__).parent

# modules allowed to still hold such docstrings (xfail): none since session 25 joined cli_args, earthengine and exports
KNOWN: set[str] = set()


def split_docstrings(path: Path) -> list[str]:
    "The functions and classes of the module at `path` whose docstring is followed, on the next line, by another string statement."
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)): continue
        b = node.body
        strings = len(b) >= 2 and all(isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)
                                      and isinstance(s.value.value, str) for s in b[:2])
        if strings and b[1].lineno == b[0].end_lineno + 1: found.append(f"{node.name} (line {node.lineno})")
    return found


def test_the_finder_sees_a_split_docstring_and_passes_a_joined_one(tmp_path):
    p = tmp_path / "m.py"
    p.write_text('def f():\n    "one "\n    "two"\n\ndef g():\n    "one " \\\n    "two"\n\ndef h():\n    ("one "\n     "two")\n')
    assert split_docstrings(p) == ["f (line 1)"]


@pytest.mark.parametrize("mod", sorted(p.stem for p in PKG.glob("*.py")))
def test_no_docstring_is_cut_at_its_first_line(mod):
    found = split_docstrings(PKG / f"{mod}.py")
    if mod in KNOWN:
        if found: pytest.xfail(f"{mod}: {len(found)} split docstrings still (KNOWN)")
        return
    assert not found, f"{mod}: {found}"


def test_help_of_the_training_and_embedding_entry_points_reads_to_the_end():
    assert aef.fit.__doc__.split("\n\n")[0].rstrip().endswith("leaves glibc's defaults).")
    assert aef.embed.embed.__doc__.split("\n\n")[0].rstrip().endswith("leaves glibc's defaults).")
    assert aef.checkpoint.latest_checkpoint.__doc__.split("\n\n")[0].rstrip().endswith("falls back.")


# ---- Raises: the errors of the core family a public function raises, named in its docstring ----------------------
from alphaearth_nb import core as _core   # noqa: E402

FAMILY = {n for n, c in vars(_core).items() if isinstance(c, type) and issubclass(c, _core.AEFError)}
KNOWN_UNSAID = {   # public functions raising a core error their docstring does not name yet (session 31): to shrink
    "clusters.rgb", "bands.list_vectors", "checkpoint.read_header", "zones.zones_of",
    "cubes.label_table", "earthengine.ee_source",
    "earthengine.to_stack_dataset", "earthengine.utm_grid",
    "embed.tile_sums", "embed.embed_to_zarr", "embeddings.dequantize_embedding",
    "metrics.r2", "evaluate.evaluate_regression", "evaluate.change_scores",
    "evaluate.change_threshold_sweep", "draws.separated_points", "explorer.query_rule", "export.with_retries",
    "export.resolve_ecoregions", "exports.block_mean_direction", "exports.to_cog", "exports.map_to_cog",
    "exports.vectorize", "features.xy_features", "files.check_output", "files.writing_file", "index.pick_backend",
    "index.vectors_of", "index.exact_search", "knn.knn_predict", "linear.least_squares_fit_checked",
    "linear.least_squares_predict", "linear.linear_probe_fit", "maps.plot_heat", "maps.plot", "maps.explore",
    "mirrors.read_index", "mirrors.area_of", "mirrors.tiles", "official.mosaic",
    "official.sample_points", "quantize.dequantize", "readers.shared_data_dir",
    "readers.read_worldcereal_patch", "readers.read_aef_samples", "readers.read_worldcereal_points",
    "readers.read_presto_points", "samples.sampler_config", "samples.prepare", "sites.site_periods",
    "sites.candidates", "sites.sample_sites", "sites.read_sites", "sources.register", "sources.get_source",
    "sources.band_index", "sources.compute_stats", "stacks.validate_stack",
    "stacks.to_frames", "step.make_optimizer", "step.apply_policy", "stores.to_zarr", "stores.open_zarr",
    "stp.check_inputs", "text.text_features",
    "text.encode_texts", "train.model_config",
}


def unsaid_raises(path: Path) -> dict[str, list[str]]:
    """`module.function` -> the core errors that public function raises itself (a `raise XError(...)` in its body,
    static: what it calls is not followed) and its docstring does not name, for the module at `path`."""
    tree, out = ast.parse(path.read_text()), {}
    names = next((ast.literal_eval(s.value) for s in tree.body if isinstance(s, ast.Assign)
                  and any(getattr(t, "id", "") == "__all__" for t in s.targets)), [])
    for s in tree.body:
        if not isinstance(s, ast.FunctionDef) or s.name not in names: continue
        raised = {(e.func if isinstance(e, ast.Call) else e).id for n in ast.walk(s) if isinstance(n, ast.Raise)
                  and (e := n.exc) is not None and isinstance(e.func if isinstance(e, ast.Call) else e, ast.Name)}
        doc = ast.get_docstring(s) or ""
        if miss := sorted(r for r in raised & FAMILY if r not in doc): out[f"{path.stem}.{s.name}"] = miss
    return out


def test_the_raises_finder_reads_a_body(tmp_path):
    p = tmp_path / "m.py"
    p.write_text('__all__ = ["f", "g", "h"]\nfrom x import ConfigError\n'
                 'def f():\n    "Raises `ConfigError`."\n    raise ConfigError("x")\n'
                 'def g():\n    "Nothing."\n    if 1: raise ConfigError\n    raise ValueError("not ours")\n'
                 'def h():\n    "Nothing."\n    return 1\n'
                 'def _k():\n    raise ConfigError("private")\n')
    assert unsaid_raises(p) == {"m.g": ["ConfigError"]}


@pytest.mark.parametrize("mod", sorted(p.stem for p in PKG.glob("*.py") if not p.stem.startswith("_")))
def test_a_public_function_names_the_core_errors_it_raises(mod):
    found = unsaid_raises(PKG / f"{mod}.py")
    new = {k: v for k, v in found.items() if k not in KNOWN_UNSAID}
    assert not new, f"name these errors in the docstring (when each is raised): {new}"
    fixed = {k for k in KNOWN_UNSAID if k.split(".")[0] == mod} - set(found)
    assert not fixed, f"{sorted(fixed)} now name their errors: take them out of KNOWN_UNSAID"


@pytest.mark.parametrize("name", ["analysis.similarity", "analysis.change", "analysis.classify", "analysis.regress",
                                  "analysis.cluster", "embed.embed", "embeddings.as_embedding", "official.open",
                                  "train.fit", "model.preset", "scene.load_scene"])
def test_the_functions_a_user_calls_first_say_what_they_raise(name):
    """help() of the functions of README's quick start and tutorials 01/02 (directly or as `.aef` methods) has a
    Raises part naming at least one error of the core family and when (session 30's newcomer walk found none)."""
    import importlib
    mod, fn = name.split(".")
    doc = getattr(importlib.import_module(f"alphaearth_nb.{mod}"), fn).__doc__.split("\nParameters\n")[0]
    assert "Raises" in doc and any(f"`{e}`" in doc for e in FAMILY), doc[-400:]
