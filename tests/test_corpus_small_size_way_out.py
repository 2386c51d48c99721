"""`write_corpus` (`CorpusConfig`) with size < 48 was refused as 'scenes with events need size >= 48.', without the
way out, event_chance=0 (scenes without fire, flood and construction events), which was itself refused: the rule
held whatever event_chance said. Now size < 48 is refused only where events are asked for, naming event_chance=0;
with event_chance=0 a corpus of 32-pixel scenes is written, and below the scene's own floor (24) the config says so
before a folder is made."""
import pandas as pd
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.corpus import CorpusConfig, write_corpus


def test_small_with_events_names_the_way_out():
    with pytest.raises(ConfigError) as e:
        CorpusConfig(size=32)
    msg = str(e.value)
    assert "size=32" in msg and "event_chance=0" in msg and "size >= 48" in msg and "(event_chance=0.8)" in msg, msg


def test_the_way_out_writes_a_corpus(tmp_path):
    cfg = CorpusConfig(size=32, event_chance=0, n_scenes=1, n_regions=1, years=(2, 2), n_texts=4)
    write_corpus(tmp_path / "c", cfg)
    table = pd.read_csv(tmp_path / "c" / "scenes.csv")
    assert table["size"].tolist() == [32], table


def test_below_the_scenes_floor_is_refused_before_a_folder(tmp_path):
    with pytest.raises(ConfigError, match=r"size=16 is too small for a scene .*use size >= 24"):
        write_corpus(tmp_path / "c", {"size": 16, "event_chance": 0})
    assert not (tmp_path / "c").exists()
