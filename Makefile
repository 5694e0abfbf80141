# lsreports: two commands on a fresh machine (Python 3.11 + pip):
#   make briefings   build the HTML briefings (and the Excel workbook) from the curated data
#   make test        run the test suite, notebooks included (nbval)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup briefings summary excel test bench notebooks clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

briefings: $(STAMP)
	$(BIN)/lsreports summary
	$(BIN)/lsreports briefing -o briefings
	$(BIN)/lsreports excel -o briefings/lsreports.xlsx

summary: $(STAMP)
	$(BIN)/lsreports summary

excel: $(STAMP)
	$(BIN)/lsreports excel -o exports/lsreports.xlsx

test: $(STAMP)
	$(BIN)/python -m pytest --nbval --nbval-current-env --nbval-sanitize-with notebooks/nbval_sanitize.cfg tests notebooks

bench: $(STAMP)
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) briefings exports .pytest_cache
