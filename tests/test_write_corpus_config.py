"corpus.write_corpus reads a dict of settings as CorpusConfig(**dict) (a YAML file's; misspelt names named), as fit " \
"reads its config, and refuses anything else that is no CorpusConfig with the fix, before a folder is made. Was: " \
"AttributeError 'dict' object has no attribute 'seed'."
import pytest

from alphaearth_nb import corpus
from alphaearth_nb.core import ConfigError, UnknownFieldError

SMALL = dict(n_scenes=1, n_regions=1, size=48, years=(2, 2))


def test_a_dict_is_read_as_the_config(tmp_path):
    path = corpus.write_corpus(tmp_path / "c", SMALL)
    assert corpus.Corpus(path).scenes.shape[0] == 1


def test_a_misspelt_setting_is_named(tmp_path):
    with pytest.raises(UnknownFieldError, match=r"CorpusConfig got an unknown name 'scenes_n'"):
        corpus.write_corpus(tmp_path / "c", {**SMALL, "scenes_n": 2})
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize("cfg", [[1, 2], "small", corpus.CorpusConfig])
def test_anything_else_is_refused_with_the_fix(tmp_path, cfg):
    with pytest.raises(ConfigError, match=r"cfg is (list|str|the class CorpusConfig): pass a CorpusConfig of "
                                          r"the settings, e\.g\. `aef\.corpus\.CorpusConfig\(n_scenes=4\)`, or a dict of them"):
        corpus.write_corpus(tmp_path / "c", cfg)
    assert not (tmp_path / "c").exists()
