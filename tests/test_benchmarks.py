"The benchmarks' shape-only paths, so they cannot rot (no timing is asserted)."
import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def load(load_script):
    "Import benchmarks/<name>.py as a module (`load(name)`)."
    return lambda name: load_script(BENCH / f"{name}.py", f"bench_{name}")


def test_paper_scale_shape_only(load, capsys):
    "The lite step at the paper's input shapes, one STP block, traced from shapes only: counts are printed."
    load("paper_scale").main(["--no-compile", "--blocks", "1", "--remat", "off"])
    out = capsys.readouterr().out
    n = int(re.search(r"parameters: ([\d,]+)", out).group(1).replace(",", ""))
    tflop = float(re.search(r"FLOPs per example per training step: ([\d.]+) TFLOP", out).group(1))
    adam = float(re.search(r"Adam state ([\d.]+) GiB", out).group(1))
    assert 1e7 < n < 1e9
    assert tflop > 1.0
    assert adam == pytest.approx(2 * n * 4 / 2**30, abs=0.01)  # two float32 moments per parameter


def test_flop_counter_counts_scan_trips(load):
    "The jaxpr counter multiplies a scanned body by its length: 10 blocks of a 64 x 256 @ 256 x 256 matmul + tanh."
    import jax
    import jax.numpy as jnp
    flops = load("flops")
    ws, x = jnp.ones((10, 256, 256)), jnp.ones((64, 256))
    f = lambda ws, x: jax.lax.scan(lambda x, w: (jnp.tanh(x @ w), None), x, ws)[0]
    assert flops.count_flops(f, ws, x) == 10 * (2 * 64 * 256 * 256 + 64 * 256)


def test_gate_shape_only(load, capsys, monkeypatch):
    "The embedding gate's cost against a gated map and a dot product (issue 11), on a 64 x 64 map."
    monkeypatch.setattr(sys, "argv", ["gate.py", "--dry"])
    load("gate").main()
    out = capsys.readouterr().out
    assert "similarity, raw map (gate inside) / already gated" in out and "load average" in out


def test_similarity_shape_only(load, capsys, monkeypatch):
    "float64 similarity against the float32 path it replaced (field case D1), on a 64 x 64 map."
    monkeypatch.setattr(sys, "argv", ["similarity.py", "--dry"])
    load("similarity").main()
    out = capsys.readouterr().out
    assert "map 64 x 64 x 64 (gated, float32), best of 1; load average" in out and "exact copy ranked first" in out


def test_one_command_line_and_load_line_for_the_benchmarks(load):
    """benchmarks/bench_cli.py holds the flags of a one-map benchmark (--size, --rounds, --dry: gate.py and
    similarity.py spelt them each) and the load line (gate, similarity, corpus, realdata and quality each wrote it):
    no other benchmark adds those three flags or writes the '(1 min), ... (5 min)' line itself, so they cannot drift."""
    import ast
    cli = load("bench_cli")
    assert cli.map_args("doc", ["--dry"]) == (64, 1) and cli.map_args("doc", ["--size", "8", "--rounds", "2"]) == (8, 2)
    assert cli.map_args("doc", []) == (1024, 5)
    for p in sorted(BENCH.glob("*.py")):
        if p.name == "bench_cli.py": continue
        text = p.read_text()
        flags = {c.args[0].value for c in ast.walk(ast.parse(text)) if isinstance(c, ast.Call)
                 and getattr(c.func, "attr", "") == "add_argument" and c.args and isinstance(c.args[0], ast.Constant)}
        assert not {"--size", "--rounds", "--dry"} <= flags, f"benchmarks/{p.name}: use bench_cli.map_args"
        assert "(1 min), {" not in text, f"benchmarks/{p.name}: use bench_cli.load"
    for name in ("gate", "similarity"):
        assert "map_args(__doc__)" in (BENCH / f"{name}.py").read_text()


@pytest.mark.parametrize("name", ["tiny", "small"])
def test_torch_reference_has_our_widths(load, name):
    "benchmarks/torch_ref.py builds a model with exactly as many parameters as ours (same widths; skipped without torch)."
    pytest.importorskip("torch")
    from alphaearth_nb.model import param_count, preset
    ref = load("torch_ref")
    assert sum(p.numel() for p in ref.Model(preset(name)).parameters()) == param_count(name)["total"]


def test_realdata_paths(load, shared_data, monkeypatch):
    "benchmarks/realdata.py's data path on the real sets: 1 x 1 point sites on a sparse grid, NDVI, series, edges."
    import numpy as np
    from alphaearth_nb.readers import read_worldcereal_patch, read_worldcereal_points
    monkeypatch.setenv("AEF_SHARED_DATA", str(shared_data))
    rd = load("realdata")
    ds = read_worldcereal_points()
    stack, r, c = rd.points_grid(ds, np.arange(5), "EPSG:32632", spacing=40)
    s2 = stack["sentinel2"]
    assert s2.sizes == {"time": ds.sizes["time"], "y": 120, "x": 120} and stack["dem"].sizes["time"] == 1
    assert np.array_equal(s2["B4"].values[:, r, c].T, ds.B4.values[:5], equal_nan=True)
    assert np.isfinite(s2["B4"].values).sum() == np.isfinite(ds.B4.values[:5]).sum()  # nothing between the points
    assert np.diff(r[:3]).tolist() == [0, 0] and np.diff(c[:3]).tolist() == [40, 40]  # 40 px apart: one per window
    patch = read_worldcereal_patch()
    nd = rd.with_ndvi(patch)["ndvi"]["NDVI"].values
    assert nd.shape == (12, 100, 100) and np.nanmin(nd) >= -1 and np.nanmax(nd) <= 1
    assert rd.monthly_series(patch).shape == (100, 100, 12 * 8)
    f = np.zeros((2, 3, 2)); f[..., 0] = 1; f[:, 2] = [0, 1]  # a vertical edge between columns 1 and 2
    nb = rd.neighbour_distance(f)                               # right neighbours (2 x 2), then lower (1 x 3)
    assert nb.tolist() == [0, 1, 0, 1, 0, 0, 0]
    cfgs = rd.model_configs()
    assert cfgs["ndvi"][0].inputs == ("ndvi",) and cfgs["s2s1"][0].inputs == ("sentinel2", "sentinel1")
    assert rd.keep_classes(np.array([1] * 12 + [2] * 11)).sum() == 12


@pytest.mark.slow
def test_realdata_embeds_points(load, shared_data, monkeypatch):
    "An untrained s2s1 model embeds 1 x 1 point sites: one unit vector per point with data, NaN without."
    import numpy as np
    from alphaearth_nb import model as aef_model
    from alphaearth_nb.readers import read_worldcereal_points
    monkeypatch.setenv("AEF_SHARED_DATA", str(shared_data))
    rd = load("realdata")
    ds = read_worldcereal_points().isel(point=slice(0, 6))
    for b in ("B2", "B3", "B4", "B8", "B11", "B12", "VV", "VH"): ds[b][0] = np.nan  # point 0: no optical, no radar
    e = rd.embed_points(ds, aef_model.init(rd.model_configs()["s2s1"][0], 0), "EPSG:32632", group=4)
    assert e.shape == (6, 64)
    assert np.isnan(e[0]).all() and np.allclose(np.linalg.norm(e[1:], axis=1), 1, atol=1e-4)


TIMES_JAX = ["compile", "corpus", "device", "embed", "eolearn_model", "host_split", "layers", "packed_step", "paper_scale", "probe",
             "quality", "realdata", "train_step", "xla_options"]   # their figures come from long JAX runs (or compiles)


@pytest.mark.parametrize("name", TIMES_JAX)
def test_benchmarks_keep_the_heap_as_aef_does(name):
    """`aef` and `fit` keep XLA:CPU's freed buffers in the heap (runtime.keep_heap) before JAX runs; a benchmark of what
    they run must too, or its figures carry page faults users never see (only train_step.py did, session 20)."""
    import ast
    tree = ast.parse((BENCH / f"{name}.py").read_text())
    main = next(f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == "main")
    calls = [n for n in ast.walk(main) if isinstance(n, ast.Call)]
    name_of = lambda c: getattr(c.func, "attr", getattr(c.func, "id", ""))
    heap = [c.lineno for c in calls if "keep_heap" in ast.unparse(c.func)]
    assert heap, f"benchmarks/{name}.py: main() does not call runtime.keep_heap()"
    parsed = [c.lineno for c in calls if name_of(c) == "parse_args"]
    jax_use = [n.lineno for n in ast.walk(main) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
               and n.value.id in ("jax", "jnp") and n.attr not in ("__version__",)]
    assert min(heap) > min(parsed) and all(min(heap) < j for j in jax_use), \
        f"benchmarks/{name}.py: keep_heap at line {min(heap)}, after JAX at {min(jax_use, default=None)}"


def _device_sh_copy(tmp_path, device_py):
    "benchmarks/device.sh in a bare checkout (no .venv) whose benchmarks/device.py is `device_py`."
    (tmp_path / "benchmarks").mkdir()
    (tmp_path / "benchmarks" / "device.sh").write_text((BENCH / "device.sh").read_text())
    (tmp_path / "benchmarks" / "device.py").write_text(device_py)
    return ["bash", str(tmp_path / "benchmarks" / "device.sh"), "--dry"]


def test_device_sh_without_jax_stops_and_names_the_fix(tmp_path):
    "A python that cannot import jax (a checkout without .venv falls back to python3): exit 2 before any part runs."
    import subprocess
    cmd = _device_sh_copy(tmp_path, "print('part ran')")
    (tmp_path / "jax.py").write_text("raise ImportError('no jax here')")   # on the script's PYTHONPATH, first
    r = subprocess.run(cmd, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "PY": sys.executable})
    assert r.returncode == 2, r.stdout + r.stderr
    assert "cannot import jax" in r.stderr and "make install" in r.stderr and "part ran" not in r.stdout


def test_device_sh_runs_every_part_and_fails_when_one_fails(tmp_path):
    "The knn part fails: step and embed still run, the summary names knn, the exit status is 1."
    import subprocess
    cmd = _device_sh_copy(tmp_path, "import sys\nprint('part', sys.argv[1])\nsys.exit(3 if sys.argv[1] == 'knn' else 0)")
    r = subprocess.run(cmd, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "PY": sys.executable})
    assert [l for l in r.stdout.splitlines() if l.startswith("part ")] == ["part step", "part knn", "part embed"]
    assert r.returncode == 1 and "1 parts failed" in r.stdout and "FAILED:" in r.stderr and "knn" in r.stderr
    (tmp_path / "ok").mkdir()
    ok = subprocess.run(_device_sh_copy(tmp_path / "ok", "print('fine')"), capture_output=True, text=True,
                        env={"PATH": "/usr/bin:/bin", "PY": sys.executable})
    assert ok.returncode == 0 and "0 parts failed" in ok.stdout


def test_device_sh_cuts_a_slow_part_and_keeps_time_for_the_next(tmp_path):
    "A step that would outlast the budget is cut at BUDGET - KNN_S - EMBED_S: knn and embed still run, with the knobs."
    import subprocess
    fake = ("import sys, time\nprint('part', *sys.argv[1:], flush=True)\n"
            "time.sleep(60 if sys.argv[1] == 'step' else 0)")
    env = {"PATH": "/usr/bin:/bin", "PY": sys.executable, "BUDGET": "9", "KNN_S": "3", "EMBED_S": "3", "MIN": "1",
           "STEP_BATCH": "4", "KNN_ARGS": "--queries 10 --train 5"}
    r = subprocess.run(_device_sh_copy(tmp_path, fake), capture_output=True, text=True, env=env, timeout=60)
    parts = [l for l in r.stdout.splitlines() if l.startswith("part ")]
    assert parts == ["part step --dry --batch 4", "part knn --dry --queries 10 --train 5", "part embed --dry"], r.stdout
    assert "cut for time: " in r.stdout and "device.py step" in r.stdout.split("cut for time: ")[1]
    assert r.returncode == 0 and "0 parts failed, 1 cut for time" in r.stdout
