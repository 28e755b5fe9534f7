# `make test` runs every test from a clean clone: it installs what it needs itself.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
CARGO ?= cargo
PYTHON ?= python3
PY_DEPS := maturin==1.16.* pytest jsonschema pandas mypy

.PHONY: test test-rust test-python venv schema clean

test: test-rust test-python

test-rust:
	$(CARGO) test --workspace --locked

$(VENV)/.installed: Makefile
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet $(PY_DEPS)
	touch $@

venv: $(VENV)/.installed

test-python: venv
	$(CARGO) build --locked -p jixiao-cli
	$(PY) -m pytest -q tests/python

# Regenerate the committed schema after a model change (the schema test fails until you do).
schema:
	$(CARGO) run --quiet --locked -- schema > include/jixiao.schema.json

clean:
	$(CARGO) clean
	rm -rf $(VENV)
