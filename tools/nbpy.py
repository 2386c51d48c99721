"""Round-trip notebooks and percent-format scripts, for editing notebooks as text.

    python tools/nbpy.py to-nb  script.py  nbs/10_stp.ipynb   # write the notebook
    python tools/nbpy.py to-py  nbs/10_stp.ipynb  script.py   # read it back as text

A script is cells separated by lines `# %%` (code) or `# %% [markdown]`
(markdown; each line starts with `# `). Outputs are not kept: notebooks are
committed clean (nbdev-clean) and executed by nbdev-test.
"""
import json, sys
from pathlib import Path


def py_to_cells(text):
    cells, kind, buf = [], None, []
    def flush():
        if kind is None: return
        lines = buf[:]
        while lines and not lines[-1].strip(): lines.pop()
        while lines and not lines[0].strip(): lines.pop(0)
        if kind == "markdown": lines = [l[2:] if l.startswith("# ") else l.lstrip("#") for l in lines]
        src = "\n".join(lines)
        cell = {"cell_type": kind, "metadata": {}, "source": src.splitlines(keepends=True)}
        if kind == "code": cell.update(execution_count=None, outputs=[])
        cells.append(cell)
    for line in text.splitlines():
        if line.startswith("# %%"):
            flush(); buf = []
            kind = "markdown" if "[markdown]" in line else "code"
        else:
            if kind is None: kind = "code"
            buf.append(line)
    flush()
    return cells


def to_nb(src, dst):
    cells = py_to_cells(Path(src).read_text())
    for i, c in enumerate(cells): c["id"] = f"c{i:04d}"  # stable ids keep diffs small
    nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "python3", "language": "python", "name": "python3"}},
          "nbformat": 4, "nbformat_minor": 5}
    Path(dst).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")


def to_py(src, dst):
    nb = json.loads(Path(src).read_text())
    out = []
    for c in nb["cells"]:
        body = "".join(c["source"])
        if c["cell_type"] == "markdown":
            out.append("# %% [markdown]\n" + "\n".join(("# " + l) if l else "#" for l in body.splitlines()))
        else:
            out.append("# %%\n" + body)
    Path(dst).write_text("\n\n".join(out) + "\n")


if __name__ == "__main__":
    cmd, src, dst = sys.argv[1:4]
    {"to-nb": to_nb, "to-py": to_py}[cmd](src, dst)
