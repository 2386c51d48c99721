"""The live map's tiles come from a server in the kernel: the URL the browser gets must be one it can reach (Colab's
proxy, jupyter-server-proxy, a prefix the user sets), and a plain 127.0.0.1 one says where it works and the fixes."""
import sys, types
from alphaearth_nb.tiles import TileServer, browser_base


def _fresh(monkeypatch):
    for k in ("AEF_TILE_PREFIX", "JUPYTERHUB_SERVICE_PREFIX"): monkeypatch.delenv(k, raising=False)
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)


def test_colab_proxy(monkeypatch):
    _fresh(monkeypatch)
    asked, widgets = [], []
    out = types.ModuleType("google.colab.output")
    out.eval_js = lambda js: asked.append(js) or "https://8000-abc-colab.googleusercontent.com/"
    out.enable_custom_widget_manager = lambda: widgets.append(1)
    google = types.ModuleType("google"); colab = types.ModuleType("google.colab"); colab.output = out
    monkeypatch.setitem(sys.modules, "google", google)
    monkeypatch.setitem(sys.modules, "google.colab", colab)
    monkeypatch.setitem(sys.modules, "google.colab.output", out)
    s = TileServer()
    try:
        assert s.url("rgb", 2) == "https://8000-abc-colab.googleusercontent.com/rgb/{z}/{x}/{y}.png?v=2"
        assert asked == [f"google.colab.kernel.proxyPort({s.port})"] and widgets == [1]
        assert "Colab" in s.reach
    finally: s.httpd.shutdown()


def test_prefix_and_hub(monkeypatch):
    _fresh(monkeypatch)
    monkeypatch.setenv("AEF_TILE_PREFIX", "/user/me/proxy/{port}/")
    base, words = browser_base(4321)
    assert base == "/user/me/proxy/4321" and "AEF_TILE_PREFIX" in words
    monkeypatch.delenv("AEF_TILE_PREFIX")
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", "/user/me/")
    import importlib.util
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: object() if name == "jupyter_server_proxy" else None)
    base, words = browser_base(4321)
    assert base == "/user/me/proxy/4321" and "jupyter-server-proxy" in words


def test_local_says_where_it_works(monkeypatch):
    _fresh(monkeypatch)
    base, words = browser_base(4321)
    assert base == "http://127.0.0.1:4321"
    assert "ssh -L 4321:127.0.0.1:4321" in words and "AEF_TILE_PREFIX" in words and "remote Jupyter" in words
