"""`main([...], sigterm=True)` (a script's launch) clears SIGTERM's note (`runlock._STOP`, read by `fit` between
steps) as it ends, so the caller's next `fit` is not stopped by a signal that was this command's. A SIGTERM just
before the caller's handler is put back set the note and raised out of `main`'s `finally` after the note was
cleared: the note stayed, and the caller's next `fit` (a notebook's, the script's) stopped at its first step
(session 53's review: `_STOP`, module state), and `aef`'s handler was left installed in the caller's process. The
handler is now put back and the note cleared whatever raises there."""
import signal

import pytest

from alphaearth_nb import cli, runlock


def test_a_sigterm_as_the_handler_is_put_back_leaves_no_note(tmp_path, monkeypatch):
    real, sent = signal.signal, []
    def put_back(sig, handler):
        if handler is not cli._on_sigterm and signal.getsignal(sig) is cli._on_sigterm and not sent:
            sent.append(sig)
            cli._on_sigterm(sig, None)   # SIGTERM arrives just before the caller's handler is put back
        return real(sig, handler)
    real(signal.SIGTERM, signal.SIG_DFL)   # the caller's own handler (a test that ran `aef` itself may have left aef's)
    monkeypatch.setattr(signal, "signal", put_back)
    before = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.raises(runlock.Terminated):   # the caller sees the interrupt (as a KeyboardInterrupt)
            cli.main(["embed", "--checkpoint", str(tmp_path), "--period", "2024", "--out",
                      str(tmp_path / "o.zarr")], sigterm=True)
        assert sent and signal.getsignal(signal.SIGTERM) is before   # the caller's own again (was: aef's left)
        assert not runlock.stop_asked()   # was: True, and the caller's next fit stopped at its first step
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler   # Python's Ctrl-C again (was: aef's left)
    finally:
        real(signal.SIGTERM, before)
        runlock.clear_stop()


def test_a_note_of_a_finished_command_is_not_the_next_ones(tmp_path):
    runlock.ask_stop()   # noted during an earlier command, never acted on
    try:
        assert cli.main(["embed", "--checkpoint", str(tmp_path), "--period", "2024", "--out",
                         str(tmp_path / "o.zarr")], sigterm=True) == 2   # refused, as without the note
        assert not runlock.stop_asked()
    finally:
        runlock.clear_stop()
