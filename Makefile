# `make test` runs every test from a clean clone: it installs what it needs itself.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
CARGO ?= cargo
PYTHON ?= python3
PY_DEPS := maturin==1.16.* pytest jsonschema pandas mypy

.PHONY: test test-rust test-python venv schema fuzz clean

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

# Coverage-guided fuzzing (nightly + cargo-fuzz), FUZZ_SECONDS per target; not part of `make test`.
FUZZ_SECONDS ?= 60
fuzz:
	command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	mkdir -p fuzz/corpus/document_parse && cp tests/data/*.txt fuzz/corpus/document_parse/
	mkdir -p fuzz/corpus/target_parse && cut -f1 tests/data/targets.tsv | grep -v '^#' | split -l 1 - fuzz/corpus/target_parse/case-
	cd fuzz && for t in target_parse document_parse; do \
	  $(CARGO) +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 || exit 1; done

clean:
	$(CARGO) clean
	rm -rf $(VENV)
