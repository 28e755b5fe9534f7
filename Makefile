# `make test` runs every test from a clean clone: it installs what it needs itself.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
CARGO ?= cargo
PYTHON ?= python3
PY_DEPS := maturin==1.16.* pytest hypothesis jsonschema pandas mypy

.PHONY: test test-rust test-python test-pip-install test-c test-readme-c venv schema header deps-c install bench fuzz clean

test: test-rust test-c test-python

test-rust:
	$(CARGO) test --workspace --locked

$(VENV)/.installed: Makefile
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet $(PY_DEPS)
	touch $@

venv: $(VENV)/.installed

# The abi3 wheel (exactly one), installed into the venv; pytest; the stubs checked against the
# native module; mypy over the package; and `pip install .` into a fresh venv of its own.
test-python: venv
	$(CARGO) build --locked -p jixiao-cli
	rm -rf build/wheels
	$(VENV)/bin/maturin build --release --locked -o build/wheels
	test "$$(ls build/wheels/*.whl | wc -l)" = 1 && ls build/wheels/jixiao-*-abi3-*.whl
	$(PY) -m pip install --quiet --force-reinstall --no-deps build/wheels/*.whl
	$(PY) -m pytest -q tests/python
	$(PY) -m mypy.stubtest jixiao._native --allowlist tests/python/stubtest-allowlist.txt
	$(PY) -m mypy --strict python/jixiao
	$(MAKE) --no-print-directory test-pip-install

test-pip-install:
	rm -rf build/pip-venv && $(PYTHON) -m venv build/pip-venv
	build/pip-venv/bin/python -m pip install --quiet .
	cd build && pip-venv/bin/python -c 'import jixiao; d = jixiao.read("../tests/data/000_3e963503b18f6771.txt"); assert sum(1 for _ in d.indicators()) == 115; print("pip install . ok:", jixiao.__version__)'

# Regenerate the committed schemas after a model change (the schema test fails until you do).
schema:
	$(CARGO) run --quiet --locked -- schema > include/jixiao.schema.json
	$(CARGO) run --quiet --locked -- schema --findings > include/jixiao.findings.schema.json
	$(CARGO) run --quiet --locked -- schema --score > include/jixiao.score.schema.json

# Speed lives here, never in timed tests.
bench:
	$(CARGO) bench --locked -p jixiao --bench parse

# Coverage-guided fuzzing (nightly + cargo-fuzz), FUZZ_SECONDS per target; not part of `make test`.
FUZZ_SECONDS ?= 60
# Extra libFuzzer flags, e.g. FUZZ_FLAGS=-detect_leaks=0 for sheet_parse: the xlsx writer's
# threads leave glibc's 32-byte thread-exit record, which LeakSanitizer reports.
FUZZ_FLAGS ?=
FUZZ_TARGETS ?= target_parse document_parse docx_parse sheet_parse review_score actuals_parse
fuzz:
	command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	mkdir -p fuzz/corpus/document_parse && cp tests/data/*.txt tests/data/real/*.wordtext.txt fuzz/corpus/document_parse/
	mkdir -p fuzz/corpus/target_parse && cut -f1 tests/data/targets.tsv | grep -v '^#' | split -l 1 - fuzz/corpus/target_parse/case-
	mkdir -p fuzz/corpus/docx_parse && for f in tests/data/*.docx; do \
	  $(PYTHON) -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml"))' "$$f" > "fuzz/corpus/docx_parse/$$(basename "$$f").xml"; done
	mkdir -p fuzz/corpus/sheet_parse && cp tests/data/*.xlsx tests/data/*.xls tests/data/*.ods fuzz/corpus/sheet_parse/
	mkdir -p fuzz/corpus/review_score && cp tests/data/*.txt tests/data/*.xlsx tests/data/real/*.wordtext.txt fuzz/corpus/review_score/
	mkdir -p fuzz/corpus/actuals_parse && printf 'section,table,indicator,actual,weight\n,1,职业技能培训人次,1620人次,25\n' > fuzz/corpus/actuals_parse/seed.csv && \
	  printf '[{"table": "就业创业补助资金", "indicator": "培训合格率", "actual": "86%%"}]' > fuzz/corpus/actuals_parse/seed.json
	cd fuzz && for t in $(FUZZ_TARGETS); do \
	  $(CARGO) +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) -max_len=400000 -rss_limit_mb=4096 $(FUZZ_FLAGS) || exit 1; done

# ---- C ABI: libjixiao.so / libjixiao.a with include/jixiao.h
CC ?= cc
CXX ?= c++
C_STRICT := -std=c11 -Wall -Wextra -Wpedantic -Werror -g -Iinclude
CXX_STRICT := -std=c++17 -Wall -Wextra -Wpedantic -Werror -g -Iinclude
SANITIZE := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LIBDIR := target/debug
STATIC := $(LIBDIR)/libjixiao.a -lpthread -ldl -lm
SHARED := -L$(LIBDIR) -ljixiao -Wl,-rpath,$(abspath $(LIBDIR))
CBUILD := build/c

# valgrind and pkg-config, from Debian's packages when missing.
deps-c:
	@command -v valgrind >/dev/null && command -v pkg-config >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind pkg-config >/dev/null; }

test-c: deps-c
	$(CARGO) build --locked -p jixiao-capi -p jixiao-cli
	mkdir -p $(CBUILD)
	$(CC) $(C_STRICT) $(SANITIZE) tests/c/walk.c $(STATIC) -o $(CBUILD)/walk-asan
	$(CC) $(C_STRICT) $(SANITIZE) tests/c/errors.c $(STATIC) -o $(CBUILD)/errors-asan
	$(CC) $(C_STRICT) $(SANITIZE) tests/c/review.c $(STATIC) -o $(CBUILD)/review-asan
	$(CC) $(C_STRICT) $(SANITIZE) tests/c/score.c $(STATIC) -o $(CBUILD)/score-asan
	$(CC) $(C_STRICT) $(SANITIZE) tests/c/hostile.c $(STATIC) -o $(CBUILD)/hostile-asan
	$(CXX) $(CXX_STRICT) $(SANITIZE) tests/c/consumer.cpp $(STATIC) -o $(CBUILD)/consumer-asan
	$(CC) $(C_STRICT) tests/c/walk.c $(SHARED) -o $(CBUILD)/walk
	$(CC) $(C_STRICT) tests/c/errors.c $(SHARED) -o $(CBUILD)/errors
	$(CC) $(C_STRICT) tests/c/review.c $(SHARED) -o $(CBUILD)/review
	$(CC) $(C_STRICT) tests/c/score.c $(SHARED) -lm -o $(CBUILD)/score
	$(CC) $(C_STRICT) tests/c/hostile.c $(SHARED) -o $(CBUILD)/hostile
	$(CXX) $(CXX_STRICT) tests/c/consumer.cpp $(SHARED) -o $(CBUILD)/consumer
	$(MAKE) --no-print-directory test-readme-c
	tests/c/run.sh

# The README's C example, built against an installed copy through pkg-config.
test-readme-c:
	rm -rf $(CBUILD)/prefix && $(MAKE) --no-print-directory install PREFIX=$(abspath $(CBUILD)/prefix) PROFILE=debug
	awk '/^```c$$/{on=1;next} /^```$$/{on=0} on' README.md > $(CBUILD)/readme.c
	cd $(CBUILD) && PKG_CONFIG_PATH=$(abspath $(CBUILD)/prefix/lib/pkgconfig) \
	  sh -c '$(CC) $(filter-out -Iinclude,$(C_STRICT)) readme.c $$(pkg-config --cflags --libs jixiao) -Wl,-rpath,$$(pkg-config --variable=libdir jixiao) -o readme'
	cd $(CBUILD) && ./readme ../../tests/data/000_3e963503b18f6771.txt

# Regenerate the committed header after a change to bindings/c (the header test fails until you do).
header:
	JIXIAO_BLESS=1 $(CARGO) test --locked -p jixiao-capi --test header

# make install PREFIX=/usr/local: library, header and pkg-config file.
PREFIX ?= /usr/local
PROFILE ?= release
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
install:
	$(CARGO) build --locked -p jixiao-capi $(if $(filter release,$(PROFILE)),--release)
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include
	install -m 644 target/$(PROFILE)/libjixiao.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 target/$(PROFILE)/libjixiao.so $(DESTDIR)$(PREFIX)/lib/
	install -m 644 include/jixiao.h $(DESTDIR)$(PREFIX)/include/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' bindings/c/jixiao.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/jixiao.pc

clean:
	$(CARGO) clean
	rm -rf $(VENV) build
