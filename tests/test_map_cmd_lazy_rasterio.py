"""`map_cmd` imported rasterio at module load for `refuse_scaled` alone (`rasterio.windows`: 106-233 ms of `import
alphaearth_nb.map_cmd`, s56 s3 #5), where every other module imports it in the function that reads a GeoTIFF. It is
imported in `refuse_scaled` now, after `require`; a scaled GeoTIFF is still refused in the shell's words
(tests/test_cli_scaled_tif.py)."""
import subprocess
import sys
from pathlib import Path


def test_importing_map_cmd_loads_no_rasterio():
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", "import sys, alphaearth_nb.map_cmd; print('rasterio' in sys.modules)"],
                         capture_output=True, text=True, cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "False", out.stdout
