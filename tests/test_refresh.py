"tools/refresh.py (`make refresh NB=...`): a tutorial's outputs refreshed without its `#| eval: false` cells."
import base64
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
KERNEL = {"kernelspec": {"display_name": "python3", "language": "python", "name": "python3"}}


def _nb(path:Path, *sources:str) -> Path:
    "A notebook of one markdown cell and a code cell per source, each with a stale output `old`."
    old = [{"name": "stdout", "output_type": "stream", "text": ["old\n"]}]
    cells = [{"cell_type": "markdown", "id": "m0", "metadata": {}, "source": ["# tiny"]}] + [
        {"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {}, "outputs": old, "source": s}
        for i, s in enumerate(sources)]
    path.write_text(json.dumps({"cells": cells, "metadata": KERNEL, "nbformat": 4, "nbformat_minor": 5}))
    return path


def test_refresh_skips_eval_false_cells_shrinks_figures_and_leaves_nbdev_clean_nothing_to_do(tmp_path):
    "nbconvert --execute ran the tutorials' `#| eval: false` cells (Earth Engine, a TPU VM): a refresh could not finish."
    good = _nb(tmp_path / "good.ipynb",
               "import os\nx = 1\nprint('IN_TEST', os.environ.get('IN_TEST'))",
               "#| eval: false\nraise SystemExit('an eval: false cell ran')",
               "#| ee\nraise SystemExit('an ee cell ran')",
               "#| slow\nprint(x + 1)",
               "import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(20, 5), dpi=100)\n"
               "ax.plot([0, 1], [x, 2])\nplt.show()")
    bad = _nb(tmp_path / "bad.ipynb", "print('ran')", "1 / 0", "print('after')")
    before = bad.read_bytes()
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "refresh.py"), str(good), str(bad), "--max-px", "300"],
                       capture_output=True, text=True, cwd=ROOT, timeout=300,
                       env={**os.environ, "IN_TEST": "1", "NBTEST_PRELOAD": "0"})   # spawn: no preloaded JAX
    assert r.returncode == 1 and "FAIL" in r.stdout and "ZeroDivisionError" in r.stderr, r.stdout + r.stderr
    assert bad.read_bytes() == before                        # a notebook with a failing cell is left as it was
    cells = [c for c in json.loads(good.read_text())["cells"] if c["cell_type"] == "code"]
    text = ["".join(o.get("text", "")) for c in cells for o in c["outputs"] if o["output_type"] == "stream"]
    assert text == ["IN_TEST None\n", "old\n", "old\n", "2\n"], (text, r.stderr)   # skipped cells keep their outputs
    assert "".join(cells[1]["source"]) == "#| eval: false\nraise SystemExit('an eval: false cell ran')"
    png = [o["data"]["image/png"] for o in cells[4]["outputs"] if "image/png" in o.get("data", {})]
    assert len(png) == 1
    im = Image.open(io.BytesIO(base64.b64decode("".join(png[0]))))
    assert max(im.size) == 300 and im.mode == "RGB", (im.size, im.mode)   # 2000 x 500 at 100 dpi, shrunk
    refreshed = good.read_bytes()
    subprocess.run([str(Path(sys.executable).parent / "nbdev-clean"), "--fname", str(good)], cwd=ROOT, check=True,
                   capture_output=True)
    assert good.read_bytes() == refreshed                    # nbdev-clean after a refresh changes nothing


def test_refresh_refuses_what_is_not_a_notebook(tmp_path):
    (tmp_path / "x.py").write_text("")
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "refresh.py"), str(tmp_path / "x.py")],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "not a notebook" in r.stderr and "x.py" in r.stderr, r.stderr


def test_refresh_stores_no_progress_bar_and_wide_tables_as_a_kernel_shows_them(tmp_path):
    """fit's tqdm bar was stored in tutorials 01 and 03 (stderr, redrawn with carriage returns) and a pandas table in 05
    cut to the columns of an 80-column terminal ('...'): a Jupyter kernel shows every column, wrapped."""
    nb = _nb(tmp_path / "t.ipynb",
             "import pandas as pd\npd.DataFrame({f'column_{i}': [1.5, 2.25] for i in range(14)})",
             "import warnings\nfrom tqdm.auto import tqdm\nfor i in tqdm(range(3), desc='fit'): pass\nprint('done')\n"
             "warnings.warn('a warning stays')\nfor i in range(3): print(f'\\rstep {i}', end='')\nprint()",
             "from tqdm.auto import tqdm\nfor i in tqdm(range(2)): pass")
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "refresh.py"), str(nb)], capture_output=True, text=True,
                       cwd=ROOT, timeout=300, env={**os.environ, "NBTEST_PRELOAD": "0"})
    assert r.returncode == 0, r.stdout + r.stderr
    table, bars, only_bar = [c["outputs"] for c in json.loads(nb.read_text())["cells"] if c["cell_type"] == "code"]
    plain = "".join(next(o for o in table if o["output_type"] == "execute_result")["data"]["text/plain"])
    assert "..." not in plain and all(f"column_{i} " in plain + " " for i in range(14)), plain
    streams = {o["name"]: "".join(o["text"]) for o in bars if o["output_type"] == "stream"}
    assert streams["stdout"] == "done\nstep 2\n", streams                  # a redrawn line: its last state
    assert "a warning stays" in streams["stderr"] and "\r" not in streams["stderr"] and "%|" not in streams["stderr"]
    assert only_bar == [], only_bar                                         # a cell whose only output was the bar
