# The two commands of the README: `make demo` and `make test`. Both set up .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export MPLBACKEND ?= Agg

.PHONY: install demo test pytest nbtest readme export clean-nbs check refresh

$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; assert sys.version_info >= (3, 11), "alphaearth_nb needs Python 3.11 or newer: run make PY=python3.11"'
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/aef demo

# --dist loadfile keeps a test file on one worker, so its module fixtures (compiled models) are built once;
# --no-loadscope-reorder keeps the order tests/conftest.py gives the files (those with slow tests first);
# AEF_RUN_SLOW=1 includes the real tiny model's training tests (loss falls, exact resume).
test: $(STAMP)
	AEF_RUN_SLOW=1 $(BIN)/python -m pytest -q -n 2 --dist loadfile --no-loadscope-reorder --durations=15
	$(BIN)/python tools/nbtest.py

pytest: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile --no-loadscope-reorder

nbtest: $(STAMP)
	$(BIN)/python tools/nbtest.py

# Refresh stored outputs (a tutorial's): `make refresh NB=nbs/tutorials/01_quickstart.ipynb`, every tutorial without NB.
# Skips `#| eval: false` (and ee, tpu) cells, which nbconvert --execute would run; figures stored as small PNGs.
NB ?= $(wildcard nbs/tutorials/*.ipynb)
refresh: $(STAMP)
	$(BIN)/python tools/refresh.py $(NB)

# nbdev-readme needs Quarto, which cannot be installed here; nbconvert makes the same markdown.
readme: $(STAMP)
	$(BIN)/jupyter nbconvert --log-level=ERROR --to markdown nbs/index.ipynb --output-dir . --output README

# tools/param_docs.py writes alphaearth_nb/_param_docs.py, the Parameters sections of help(), from the exported modules
export: $(STAMP)
	$(BIN)/nbdev-export
	$(BIN)/python tools/param_docs.py

clean-nbs: $(STAMP)
	$(BIN)/nbdev-clean
