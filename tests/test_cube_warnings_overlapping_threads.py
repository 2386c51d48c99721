"""Two cube calls in two threads that overlap (A opens, B opens, A ends, B ends) leave every thread's warnings shown
after them: a closed record (warn_lock.ThisThreadsWarnings) passes all it is handed on. Was (1d9594a6): B's exit put
back the hook it found, A's record, open for no one: every later warning of A's thread (the main thread here) was
appended to A's finished list and never shown, for the rest of the process (review44)."""
import threading
import warnings

from alphaearth_nb.analysis import over_time
from alphaearth_nb.testing import embedding_from_array, random_unit, said
from alphaearth_nb.years import join_years


def _cube():
    e = embedding_from_array(random_unit((3, 4), seed=5))
    return join_years([e.assign_attrs(period_start=f"{y}-01-01") for y in (2022, 2023)])


def _overlapped():
    "The main thread's cube call (A) opens, then another thread's (B); A ends, then B."
    a_open, b_open, a_done = threading.Event(), threading.Event(), threading.Event()
    def year_a(emb):
        a_open.set()
        assert b_open.wait(20)
        return emb.sum("band")
    def year_b(emb):
        b_open.set()
        assert a_done.wait(20)
        return emb.sum("band")
    def b():
        assert a_open.wait(20)
        over_time(year_b)(_cube())
    t = threading.Thread(target=b)
    t.start()
    over_time(year_a)(_cube())
    a_done.set()
    t.join(20)
    assert not t.is_alive()


def test_the_main_threads_warnings_are_shown_after_overlapping_calls():
    def run():
        _overlapped()
        warnings.warn("said after both calls", UserWarning)
    assert "said after both calls" in said(run)
