# `make site` installs the generator in .venv and builds content/ into site/;
# `make test` installs the test extras (and Debian's chromium when root) and runs every test.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test import serve golden bench chromium

$(BIN)/python:
	$(PY) -m venv $(VENV)

site: $(BIN)/python
	$(BIN)/pip install -q -e .
	$(BIN)/python -m generator build

import: $(BIN)/python
	$(BIN)/pip install -q -e .
	$(BIN)/python -m generator import

serve: $(BIN)/python
	$(BIN)/pip install -q -e .
	$(BIN)/python -m generator serve --open

test: $(BIN)/python chromium
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/python -m pytest

# Regenerate the golden files (imported sample articles); review the diff before committing.
golden: $(BIN)/python
	$(BIN)/python -m tests.golden

bench: $(BIN)/python
	$(BIN)/python bench/run.py

# Browser tests drive Debian's chromium through Playwright (Playwright's own browser download
# does not work offline); the determinism tests move the clock with faketime. Both are installed
# when missing and we are root; otherwise those tests skip.
chromium:
	@{ command -v chromium && command -v faketime; } >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium faketime >/dev/null); } || \
	  echo "chromium or faketime is not installed: browser and clock tests will be skipped"
