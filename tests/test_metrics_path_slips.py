"Slips around a run's metrics: a path given to plot_history, a file that is no metrics.jsonl given to read_metrics."
import json
import pytest
from alphaearth_nb.core import ConfigError
from alphaearth_nb.loss_plot import plot_history
from alphaearth_nb.train import read_metrics


@pytest.mark.parametrize("kind", [str, lambda p: p])
def test_plot_history_given_a_path_names_read_metrics(tmp_path, kind):
    (tmp_path / "metrics.jsonl").write_text('{"step": 1, "loss": 2.0}\n')
    with pytest.raises(ConfigError, match=r"takes the records, not a path.*read_metrics"):   # was TypeError
        plot_history(kind(tmp_path))


@pytest.mark.parametrize("name, data", [("loss.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40)),
                                        ("notes.md", b"# my run\nlr 1e-4\n"),
                                        ("ckpt.json", json.dumps({"format": 1, "jax": "0.10"}, indent=1).encode())])
def test_read_metrics_of_another_file_is_refused(tmp_path, name, data):
    (p := tmp_path / name).write_bytes(data)
    with pytest.raises(ConfigError, match="is no metrics.jsonl"):   # was [] quietly
        read_metrics(p)


def test_a_metrics_file_cut_in_its_first_record_still_reads_empty(tmp_path):
    (p := tmp_path / "metrics.jsonl").write_text('{"step": 1, "lo')          # a run killed mid-append
    assert read_metrics(p) == [] and read_metrics(tmp_path) == []
    (tmp_path / "empty").mkdir()
    assert read_metrics(tmp_path / "empty") == []                          # no metrics yet: none


def test_records_still_read(tmp_path):
    (p := tmp_path / "metrics.jsonl").write_text('{"step": 1, "loss": 2.0}\n{"step": 2, "loss": 1.0}\n')
    assert [r["step"] for r in read_metrics(p)] == [1, 2]
    assert len(plot_history(read_metrics(p)).axes) >= 1
