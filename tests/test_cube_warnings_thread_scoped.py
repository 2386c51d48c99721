"""A cube call records its years' warnings for this thread only (warn_lock.ThisThreadsWarnings), so another
thread's filters and warnings are left alone while it runs. Was (6aed2207): `warnings.catch_warnings(record=True)`
around the years, process-wide before Python 3.14: a `simplefilter('ignore', ...)` another thread set during the
call was dropped when the call ended, and that thread's warnings given meanwhile were caught and shown as the
cube's, once the call ended (review43)."""
import threading
import warnings


from alphaearth_nb.analysis import over_time
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.years import join_years


class _Other(UserWarning): pass


def _cube():
    e = embedding_from_array(random_unit((4, 5), seed=3))
    return join_years([e.assign_attrs(period_start=f"{y}-01-01") for y in (2022, 2023)])


def _run_beside(other):
    """Runs a cube call whose first year waits while `other()` runs in a second thread; the warnings shown."""
    started, done = threading.Event(), threading.Event()
    def year(emb):
        warnings.warn("a cube's own words", UserWarning)
        if not started.is_set():
            started.set()
            assert done.wait(20)
        return emb.sum("band")
    def side():
        assert started.wait(20)
        try: other()
        finally: done.set()
    shown = []
    keep = warnings.showwarning
    warnings.showwarning = lambda m, c, *a, **k: shown.append((str(m), c))
    try:
        with warnings.catch_warnings():   # the test's own filters restored after it (one thread at that point)
            warnings.simplefilter("always")
            warnings.showwarning = lambda m, c, *a, **k: shown.append((str(m), c))
            t = threading.Thread(target=side)
            t.start()
            out = over_time(year)(_cube())
            t.join(20)
            after = [f for f in warnings.filters if f[2] is _Other]
    finally: warnings.showwarning = keep
    return out, shown, after


def test_another_threads_filter_survives_the_call():
    out, shown, after = _run_beside(lambda: warnings.simplefilter("ignore", _Other))
    assert out.sizes["time"] == 2
    assert after and after[0][0] == "ignore"   # set by the other thread during the call: still there


def test_another_threads_warning_is_its_own():
    order = []
    def other():
        warnings.warn("the other thread's words", _Other)
        order.append("other warned")
    out, shown, _ = _run_beside(other)
    texts = [t for t, _ in shown]
    assert texts.count("a cube's own words") == 1   # two years, said once
    assert texts.count("the other thread's words") == 1
    # shown when given (in the other thread, while the cube waited), before the cube's words are said at its end
    assert texts.index("the other thread's words") < texts.index("a cube's own words")
