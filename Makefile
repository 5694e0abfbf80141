# lsreports: two commands on a fresh machine (Python 3.11 + pip):
#   make briefings   build the HTML briefings (and the Excel workbook) from the curated data
#   make test        run the test suite, notebooks included (nbval)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup briefings summary excel test bench notebooks clean lab

# The install is editable (`pip install -e`): the package reads data/ from this checkout and
# an edit to the library is live in the notebooks. pyproject.toml maps the package folder
# explicitly (package-dir = {"" = "."}), so setuptools writes the editable install as a
# plain .pth path entry naming this folder, not its default import hook. Why: Python
# started from the folder above a clone named `lsreports` (what `git clone` makes) sees the
# clone itself as an empty namespace package `lsreports`; a regular package found on a
# sys.path entry beats it, the default hook (consulted after sys.path) does not, and
# `ls.load` would be an AttributeError. A non-editable install avoids the trap too, but it
# would read data/ from site-packages and need a reinstall after every edit.
# tests/test_packaging.py clones the repository into a folder named lsreports, runs
# `make setup` and imports the package from the folder above.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# JupyterLab, for the economists: the optional extra `.[lab]` (pinned like everything else),
# installed into the same .venv on first use. LAB_ARGS passes options, e.g. LAB_ARGS=--no-browser.
# Jupyter refuses to run as root unless told; a container or CI shell often is root.
LAB_STAMP := $(VENV)/.lab-installed
$(LAB_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,lab]'
	touch $(LAB_STAMP)

lab: $(LAB_STAMP)
	$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS) notebooks/

briefings: $(STAMP)
	$(BIN)/lsreports summary
	$(BIN)/lsreports briefing -o briefings --force --other-edition vi/
	$(BIN)/lsreports briefing --lang vi -o briefings/vi --force --other-edition ../
	$(BIN)/lsreports excel -o briefings/lsreports.xlsx
	$(BIN)/lsreports excel --lang vi -o briefings/vi/lsreports.xlsx

summary: $(STAMP)
	$(BIN)/lsreports summary

excel: $(STAMP)
	$(BIN)/lsreports excel -o exports/lsreports.xlsx

# nbval checks every stored notebook under notebooks/, both editions: <name>.ipynb (English) and
# vi/<name>.ipynb (Vietnamese; pytest collects the subfolder). The browser tests export both
# editions from them rather than executing any notebook again.
test: $(STAMP)
	$(BIN)/python -m pytest --nbval --nbval-current-env --nbval-sanitize-with notebooks/nbval_sanitize.cfg tests notebooks

bench: $(STAMP)
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) briefings exports .pytest_cache
