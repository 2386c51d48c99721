"""`aef similarity ... --out o/plain` wrote a GeoTIFF with no suffix (QGIS's dialogs list .tif; the class map's sidecar
became o/plain.aux.xml), while --out x.png was refused (newcomer s56 #19): refused too, naming plain.tif."""
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.files import check_output


def test_a_map_cog_without_suffix_is_refused(tmp_path):
    with pytest.raises(ConfigError, match=r"plain has no suffix.*name it plain\.tif"):
        check_output(tmp_path / "plain", what="map COG")
    assert check_output(tmp_path / "plain.tif", what="map COG") == tmp_path / "plain.tif"
