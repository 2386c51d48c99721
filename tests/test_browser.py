"""The live map in a real browser: a voila app with `emb.aef.explore()` over the sample scene, driven by selenium.

Needs Debian's `chromium` and `chromium-driver` (.ci/run installs them with apt) and the dev extra's selenium and
voila; skips with the reason when any is missing. Screenshots of every step go to out/browser/ (not committed).
The scene's embedding here is a fixed random projection of its per-band mean and spread over time to 64 dimensions,
renormalised: real spatial structure (fields, water, forest) without training a model in the test.
"""
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "out" / "browser"
CHROME = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
MISSING = [n for n, ok in (("chromium", CHROME), ("chromedriver (Debian chromium-driver)", DRIVER),
                           ("selenium", importlib.util.find_spec("selenium")),
                           ("voila", importlib.util.find_spec("voila")),
                           ("ipyleaflet", importlib.util.find_spec("ipyleaflet"))) if not ok]
pytestmark = [pytest.mark.slow, pytest.mark.skipif(bool(MISSING), reason=f"browser test needs {', '.join(MISSING)}: "
                                                   "apt-get install chromium chromium-driver; pip install -e '.[dev]'")]

APP = r'''
import json, warnings, numpy as np
from pathlib import Path
import alphaearth_nb as aef
stack, _, _ = aef.load_scene()
feats = []
for node in stack.children.values():  # per-band mean and spread over time: cheap, with the scene's structure
    for b, v in node.to_dataset().data_vars.items():
        a = v.transpose(..., "y", "x").values.astype(np.float32).reshape(-1, *v.shape[-2:])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            feats += [np.nanmean(a, 0), np.nanstd(a, 0)]
f = np.nan_to_num(np.stack(feats, -1))
f = (f - f.mean((0, 1))) / (f.std((0, 1)) + 1e-6)
v = np.tanh(f @ np.random.default_rng(0).normal(size=(f.shape[-1], 64)).astype(np.float32) / 4)
v /= np.linalg.norm(v, axis=-1, keepdims=True)
y, x = stack["sentinel2"].y.values, stack["sentinel2"].x.values
emb = aef.testing.embedding_from_array(v, coords={"y": y, "x": x}, crs=stack.attrs["crs"])
m = emb.aef.explore(height="560px")
def report(_=None):
    Path("state.tmp").write_text(json.dumps({"status": m.status.value, "hits": len(m.hits), "threshold": m.threshold,
        "positives": len(m.positives), "negatives": len(m.negatives), "version": m.version}))
    Path("state.tmp").replace("state.json")
m.status.observe(report, names="value"); m.slider.observe(report, names="value"); report()
m
'''


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); return s.getsockname()[1]


def _notebook(path: Path):
    import nbformat
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(APP)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    "A voila server with the app, on a free port; yields (url, folder)."
    d = tmp_path_factory.mktemp("voila")
    _notebook(d / "app.ipynb")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}", "MPLBACKEND": "Agg",
           "JUPYTER_PLATFORM_DIRS": "1"}
    log = open(d / "voila.log", "w")
    p = subprocess.Popen([sys.executable, "-m", "voila", "app.ipynb", "--no-browser", f"--port={port}",
                          "--Voila.ip=127.0.0.1", "--show_tracebacks=True"], cwd=d, env=env, stdout=log, stderr=log)
    try:
        for _ in range(120):
            try: socket.create_connection(("127.0.0.1", port), 0.5).close(); break
            except OSError: time.sleep(0.5)
        yield f"http://127.0.0.1:{port}/", d
    finally:
        p.terminate()   # voila shuts its kernels down first: past 10 s at load 15 (a teardown error); then killed
        try: p.wait(60)
        except subprocess.TimeoutExpired: p.kill(); p.wait()
        log.close()


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    o = webdriver.ChromeOptions()
    o.binary_location = CHROME
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-dev-shm-usage", "--window-size=1280,900"):
        o.add_argument(a)
    import tempfile
    profile = tempfile.mkdtemp(prefix="aef-chromium-")
    o.add_argument(f"--user-data-dir={profile}")
    o.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    drv = webdriver.Chrome(service=Service(DRIVER), options=o)
    yield drv
    drv.quit(); shutil.rmtree(profile, ignore_errors=True)


def _wait(cond, timeout=60, every=0.25, what="condition"):
    t = time.time()
    while time.time() - t < timeout:
        v = cond()
        if v: return v
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def _tile_responses(drv) -> list[tuple[str, int]]:
    "(url, status) of every tile response the browser received since the last call (Chrome's network log)."
    out = []
    for entry in drv.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.responseReceived":
            r = msg["params"]["response"]
            if ".png" in r["url"]: out.append((r["url"], int(r["status"])))
    return out


def _loaded(drv, layer: str, version: int | None = None) -> bool:
    "Whether the browser shows tiles of our `layer` (of `version`, when given) and every one of them has loaded."
    return drv.execute_script(
        "const t = [...document.querySelectorAll('img.leaflet-tile')].filter(i => i.src.includes(arguments[0]));"
        "return t.length > 0 && t.every(i => i.complete && i.classList.contains('leaflet-tile-loaded')"
        " && (arguments[1] === null || i.src.endsWith('v=' + arguments[1])));", f"-{layer}/", version)


def _state(d: Path) -> dict:
    try: return json.loads((d / "state.json").read_text())
    except (OSError, ValueError): return {}


def _shot(drv, name: str) -> np.ndarray:
    from PIL import Image
    OUT.mkdir(parents=True, exist_ok=True)
    drv.save_screenshot(str(OUT / f"{name}.png"))
    return np.asarray(Image.open(OUT / f"{name}.png").convert("RGB")).astype(np.int16)


def test_click_similarity_examples_threshold_hits(app, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    url, d = app
    drv = browser
    drv.get(url)
    container = _wait(lambda: drv.find_elements(By.CSS_SELECTOR, ".leaflet-container"), 120, what="the map")[0]
    _wait(lambda: any("-rgb/" in u and s == 200 for u, s in _tile_responses(drv)), what="PCA colour tiles")
    _wait(lambda: _loaded(drv, "rgb"), what="every PCA colour tile")
    time.sleep(1.0)  # leaflet fades tiles in
    before = _shot(drv, "1_pca_colours")

    # 1. click a pixel (query mode): the similarity layer's tiles are requested and served
    ActionChains(drv).move_to_element_with_offset(container, -60, 40).click().perform()
    _wait(lambda: _state(d).get("positives") == 1, what="the click to reach the kernel")
    sim = _wait(lambda: [s for u, s in _tile_responses(drv) if "-similarity/" in u], what="similarity tiles")
    assert sim and all(s == 200 for s in sim), sim
    _wait(lambda: _loaded(drv, "similarity", _state(d)["version"]), what="every similarity tile")
    time.sleep(1.0)
    after = _shot(drv, "2_similarity")
    box = container.rect
    y0, y1 = int(box["y"]) + 10, int(box["y"] + box["height"]) - 10
    x0, x1 = int(box["x"]) + 10, int(box["x"] + box["width"]) - 10
    changed = (np.abs(after[y0:y1, x0:x1] - before[y0:y1, x0:x1]).sum(-1) > 30).mean()
    assert changed > 0.05, f"the similarity layer changed only {changed:.2%} of the map's pixels"
    first = _state(d)
    assert first["hits"] > 0 and "hits:" in first["status"]

    # 2. a positive and a negative elsewhere, by the panel's mode buttons
    for mode, dx, dy in (("positive", -100, -120), ("negative", 40, 120)):
        drv.find_element(By.XPATH, f"//button[normalize-space()='{mode}']").click()
        time.sleep(0.5)
        ActionChains(drv).move_to_element_with_offset(container, dx, dy).click().perform()
        key = "positives" if mode == "positive" else "negatives"
        _wait(lambda: _state(d).get(key) == (2 if mode == "positive" else 1), what=f"the {mode} example")
    _wait(lambda: _loaded(drv, "similarity", _state(d)["version"]), what="the refined similarity tiles")
    time.sleep(1.0)
    refined = _shot(drv, "3_positive_negative")
    changed = (np.abs(refined[y0:y1, x0:x1] - after[y0:y1, x0:x1]).sum(-1) > 30).mean()
    assert changed > 0.005, f"the refined query changed only {changed:.2%} of the map's pixels"

    # 3. move the threshold down with the keyboard: more hits
    t0, h0 = _state(d)["threshold"], _state(d)["hits"]
    handle = drv.find_element(By.CSS_SELECTOR, ".widget-slider .noUi-handle, .widget-hslider .ui-slider-handle")
    handle.click()
    for _ in range(10): handle.send_keys(Keys.ARROW_LEFT)
    _wait(lambda: (lambda st: st if st.get("threshold", t0) < t0 - 0.05 else None)(_state(d)), what="the threshold")
    _wait(lambda: _state(d)["hits"] > h0, what="more hits at a lower threshold")
    assert "2 positive, 1 negative" in _state(d)["status"]
    _wait(lambda: _loaded(drv, "similarity", _state(d)["version"]), what="the tiles at the new threshold")
    time.sleep(1.0)
    lower = _shot(drv, "4_threshold")
    changed = (np.abs(lower[y0:y1, x0:x1] - refined[y0:y1, x0:x1]).sum(-1) > 30).mean()
    assert changed > 0.005, f"the lower threshold changed only {changed:.2%} of the map's pixels"
