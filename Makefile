# `make test` runs every test from a clean clone: it installs what it needs itself.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
CARGO ?= cargo
PYTHON ?= python3
PY_DEPS := maturin==1.16.* pytest hypothesis jsonschema pandas pandas-stubs mypy "dask[dataframe,distributed]" playwright

# Every debug build below is this one selection, which resolves features exactly as
# `cargo test --workspace` does (dev-dependencies included), so the C, Python and install steps
# reuse the test build's artifacts. Narrower selections (`-p jixiao-capi`, `--example hostile`)
# resolved other features and built every crate again: a second 11 GB of target/debug.
DEBUG_BUILD := $(CARGO) build --locked --workspace --lib --bins --tests --examples
HOSTILE_FILES := target/debug/examples/hostile

.PHONY: chromium bench-serve test lint test-rust test-python test-pip-install test-c test-readme-c test-install venv schema header deps-c install uninstall bench compare probe-chromium fuzz clean

test: lint test-rust test-c test-python

# The house style (rustfmt.toml) and clippy's warnings as errors, before anything is built for tests.
lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

test-rust:
	$(CARGO) test --workspace --locked

$(VENV)/.installed: Makefile
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet $(PY_DEPS)
	touch $@

venv: $(VENV)/.installed

# Debian's chromium for the browser test of `jixiao serve` (driven by Playwright with the
# system browser: no browser is ever downloaded), from Debian's packages when missing.
chromium:
	@command -v chromium >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The abi3 wheel (exactly one), installed into the venv; pytest (with the browser test of
# `jixiao serve`); the stubs checked against the native module; mypy over the package; and
# `pip install .` into a fresh venv of its own.
test-python: venv chromium
	$(DEBUG_BUILD)
	rm -rf build/wheels
	$(VENV)/bin/maturin build --release --locked -o build/wheels
	test "$$(ls build/wheels/*.whl | wc -l)" = 1 && ls build/wheels/jixiao-*-abi3-*.whl
	$(PY) -m pip install --quiet --force-reinstall --no-deps build/wheels/*.whl
	rm -rf build/hostile && $(HOSTILE_FILES) build/hostile > /dev/null
	$(PY) -m pytest -q tests/python
	$(PY) -m mypy.stubtest jixiao._native --allowlist tests/python/stubtest-allowlist.txt
	$(PY) -m mypy --strict python/jixiao
	$(MAKE) --no-print-directory test-pip-install

test-pip-install:
	rm -rf build/pip-venv && $(PYTHON) -m venv build/pip-venv
	build/pip-venv/bin/python -m pip install --quiet .
	cd build && pip-venv/bin/python -c 'import jixiao; d = jixiao.read("../tests/data/000_3e963503b18f6771.txt"); assert sum(1 for _ in d.indicators()) == 115; print("pip install . ok:", jixiao.__version__)'
	build/pip-venv/bin/jixiao check tests/data/selfeval-2023.txt --format json > /dev/null && echo "pip install . puts the jixiao command in the venv"

# Regenerate the committed schemas after a model change (the schema test fails until you do).
schema:
	$(CARGO) run --quiet --locked -- schema > include/jixiao.schema.json
	$(CARGO) run --quiet --locked -- schema --findings > include/jixiao.findings.schema.json
	$(CARGO) run --quiet --locked -- schema --score > include/jixiao.score.schema.json

# Speed lives here, never in timed tests.
bench:
	$(CARGO) bench --locked -p jixiao --bench parse

# `jixiao serve` under load: 50 clients upload the sample at once on loopback, every answer
# checked; prints the time and the server's peak memory (not a test: timings are not tests).
bench-serve:
	$(CARGO) build --release --locked -p jixiao-cli
	$(CARGO) bench --locked -p jixiao-serve --bench load

# jixiao against a plain-Python baseline on inputs built from the sample; prints the ratios of
# the performance issue (not part of `make test`: timings are not tests).
# python-docx (target 6), pandas with lxml (8), pdfplumber and pypdf (9), poppler's pdftotext
# (10) and matplotlib (the plot) are needed here only.
compare: venv
	$(VENV)/bin/pip install --quiet python-docx matplotlib lxml pdfplumber pypdf
	command -v pdftotext >/dev/null || (apt-get update -q && apt-get install -y -q poppler-utils) || sudo apt-get install -y -q poppler-utils
	$(CARGO) build --locked --release -p jixiao-cli
	$(CARGO) build --locked --release -p jixiao --example throughput
	$(VENV)/bin/maturin develop --release --quiet --manifest-path bindings/python/Cargo.toml
	$(PY) crates/jixiao/benches/compare/compare.py target/release/jixiao target/release/examples/throughput \
		tests/data/000_3e963503b18f6771.txt tests/data/000_3e963503b18f6771.docx \
		tests/data/published/000_3e963503b18f6771-gbk.html tests/data/published/000_3e963503b18f6771.pdf build/compare --plot docs/throughput.png

# Every real table as jixiao's page draws it, printed by Debian's chromium (with fonts-noto-cjk)
# and read back: how many rows read as from the text save (a probe of the PDF reader, not a test).
probe-chromium: chromium
	@fc-list | grep -q 'Noto Sans CJK' || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null; }
	$(CARGO) build --locked -p jixiao-cli
	python3 tests/fixtures/real_tables_through_chromium.py target/debug/jixiao build/probe-chromium

# Coverage-guided fuzzing (nightly + cargo-fuzz), FUZZ_SECONDS per target; not part of `make test`.
# Each target fails on an input whose allocations pass a budget proportional to its size
# (fuzz/src/lib.rs: peak 64 × size + 40 MiB, total 4096 × size + 256 MiB).
FUZZ_SECONDS ?= 60
# Extra libFuzzer flags, e.g. FUZZ_FLAGS=-detect_leaks=0 for sheet_parse: the xlsx writer's
# threads leave glibc's 32-byte thread-exit record, which LeakSanitizer reports.
FUZZ_FLAGS ?=
FUZZ_TARGETS ?= target_parse document_parse docx_parse sheet_parse review_score actuals_parse html_parse doc_parse pdf_parse pdf_open csv_parse
fuzz:
	command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	mkdir -p fuzz/corpus/document_parse && cp tests/data/*.txt tests/data/real/*.wordtext.txt fuzz/corpus/document_parse/
	mkdir -p fuzz/corpus/target_parse && cut -f1 tests/data/targets.tsv | grep -v '^#' | split -l 1 - fuzz/corpus/target_parse/case-
	mkdir -p fuzz/corpus/html_parse && cp tests/data/published/*.html tests/data/published/*.mht fuzz/corpus/html_parse/
	mkdir -p fuzz/corpus/docx_parse && for f in tests/data/*.docx; do \
	  $(PYTHON) -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml"))' "$$f" > "fuzz/corpus/docx_parse/$$(basename "$$f").xml"; done
	mkdir -p fuzz/corpus/doc_parse && for f in tests/data/published/*.doc; do \
	  $(PYTHON) tests/fixtures/doc_streams.py "$$f" > "fuzz/corpus/doc_parse/$$(basename "$$f").bin"; done
	mkdir -p fuzz/corpus/pdf_parse fuzz/corpus/pdf_open && cp tests/data/published/*.pdf fuzz/corpus/pdf_parse/ && cp tests/data/published/*.pdf fuzz/corpus/pdf_open/
	mkdir -p fuzz/corpus/sheet_parse && cp tests/data/*.xlsx tests/data/*.xls tests/data/*.ods tests/data/*.xml tests/data/published/*.xml fuzz/corpus/sheet_parse/
	mkdir -p fuzz/corpus/csv_parse && cp tests/data/published/*.csv fuzz/corpus/csv_parse/ && $(CARGO) run --quiet --locked -- parse tests/data/selfeval-2023.txt --format csv > fuzz/corpus/csv_parse/selfeval.csv
	mkdir -p fuzz/corpus/review_score && cp tests/data/*.txt tests/data/*.xlsx tests/data/real/*.wordtext.txt fuzz/corpus/review_score/
	@# The amplification tests' hostile files seed the readers they are for: the claims to grow from.
	$(DEBUG_BUILD) && rm -rf build/hostile && $(HOSTILE_FILES) build/hostile > /dev/null
	cp build/hostile/*.xlsx build/hostile/*.ods build/hostile/*.xls fuzz/corpus/sheet_parse/ && cp build/hostile/*.html fuzz/corpus/html_parse/ && cp build/hostile/*.pdf fuzz/corpus/pdf_parse/ && cp build/hostile/*.pdf fuzz/corpus/pdf_open/
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

# valgrind, pkg-config and cmake, from Debian's packages when missing.
deps-c:
	@command -v valgrind >/dev/null && command -v pkg-config >/dev/null && command -v cmake >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind pkg-config cmake >/dev/null; }

test-c: deps-c
	$(DEBUG_BUILD)
	@# Programs linked with -ljixiao ask the loader for the SONAME, as installed copies have it.
	ln -sf libjixiao.so $(LIBDIR)/$(SONAME)
	mkdir -p $(CBUILD)
	$(CC) $(C_STRICT) $(SANITIZE) tests/c/walk.c $(STATIC) -o $(CBUILD)/walk-asan
	$(CC) $(C_STRICT) $(SANITIZE) tests/c/errors.c $(STATIC) -o $(CBUILD)/errors-asan
	$(CC) $(C_STRICT) $(SANITIZE) tests/c/review.c $(STATIC) -o $(CBUILD)/review-asan
	$(CC) $(C_STRICT) $(SANITIZE) tests/c/score.c $(STATIC) -o $(CBUILD)/score-asan
	$(CC) $(C_STRICT) $(SANITIZE) tests/c/hostile.c $(STATIC) -o $(CBUILD)/hostile-asan
	$(CC) $(C_STRICT) $(SANITIZE) tests/c/flat.c $(STATIC) -o $(CBUILD)/flat-asan
	$(CXX) $(CXX_STRICT) $(SANITIZE) tests/c/consumer.cpp $(STATIC) -o $(CBUILD)/consumer-asan
	$(CC) $(C_STRICT) tests/c/walk.c $(SHARED) -o $(CBUILD)/walk
	$(CC) $(C_STRICT) tests/c/errors.c $(SHARED) -o $(CBUILD)/errors
	$(CC) $(C_STRICT) tests/c/review.c $(SHARED) -o $(CBUILD)/review
	$(CC) $(C_STRICT) tests/c/score.c $(SHARED) -lm -o $(CBUILD)/score
	$(CC) $(C_STRICT) tests/c/hostile.c $(SHARED) -o $(CBUILD)/hostile
	$(CC) $(C_STRICT) tests/c/flat.c $(SHARED) -o $(CBUILD)/flat
	$(CXX) $(CXX_STRICT) tests/c/consumer.cpp $(SHARED) -o $(CBUILD)/consumer
	@# The amplification tests' hostile files, generated (never committed), read under a 2 GiB
	@# address-space limit: no sanitizer, since ASan reserves more address space than that.
	$(CC) $(C_STRICT) tests/c/amplify.c $(SHARED) -o $(CBUILD)/amplify
	rm -rf $(CBUILD)/hostile-files && $(HOSTILE_FILES) $(CBUILD)/hostile-files > /dev/null
	$(MAKE) --no-print-directory test-readme-c
	$(MAKE) --no-print-directory test-install
	tests/c/run.sh

# The README's C example, built against an installed copy through pkg-config.
test-readme-c:
	rm -rf $(CBUILD)/prefix && $(MAKE) --no-print-directory install PREFIX=$(abspath $(CBUILD)/prefix) PROFILE=debug
	awk '/^```c$$/{on=1;next} /^```$$/{on=0} on' README.md > $(CBUILD)/readme.c
	cd $(CBUILD) && PKG_CONFIG_PATH=$(abspath $(CBUILD)/prefix/lib/pkgconfig) \
	  sh -c '$(CC) $(filter-out -Iinclude,$(C_STRICT)) readme.c $$(pkg-config --cflags --libs jixiao) -Wl,-rpath,$$(pkg-config --variable=libdir jixiao) -o readme'
	cd $(CBUILD) && ./readme ../../tests/data/000_3e963503b18f6771.txt

# What `make install` puts in place works, and `make uninstall` takes all of it away: a CMake
# project finds the library with find_package(jixiao), the program runs through the SONAME
# link, the man page and completions are there.
test-install:
	rm -rf $(CBUILD)/installed $(CBUILD)/cmake && $(MAKE) --no-print-directory install PREFIX=$(abspath $(CBUILD)/installed) PROFILE=debug
	test "$$(readelf -d $(CBUILD)/installed/lib/libjixiao.so | sed -n 's/.*soname: \[\(.*\)\]/\1/p')" = "$(SONAME)"
	awk '/^```c$$/{on=1;next} /^```$$/{on=0} on' README.md > $(CBUILD)/readme-cmake.c
	cmake -S tests/c/cmake -B $(CBUILD)/cmake -DCMAKE_PREFIX_PATH=$(abspath $(CBUILD)/installed) \
	  -DREADME_C=$(abspath $(CBUILD)/readme-cmake.c) -DCMAKE_BUILD_TYPE=Debug >/dev/null
	cmake --build $(CBUILD)/cmake >/dev/null
	$(CBUILD)/cmake/readme tests/data/000_3e963503b18f6771.txt >/dev/null
	$(CBUILD)/cmake/readme-static tests/data/000_3e963503b18f6771.txt >/dev/null
	grep -q '^.TH jixiao 1' $(CBUILD)/installed/share/man/man1/jixiao.1
	grep -q 'completions' $(CBUILD)/installed/share/bash-completion/completions/jixiao
	$(CBUILD)/installed/bin/jixiao parse tests/data/000_3e963503b18f6771.txt --compact >/dev/null
	$(MAKE) --no-print-directory uninstall PREFIX=$(abspath $(CBUILD)/installed)
	test -z "$$(find $(CBUILD)/installed -type f -o -type l)"
	@echo "make install / uninstall: ok"

# Regenerate the committed header after a change to bindings/c (the header test fails until you do).
header:
	JIXIAO_BLESS=1 $(CARGO) test --locked -p jixiao-capi --test header

# make install PREFIX=/usr/local: the jixiao command with its man page and shell completions;
# libjixiao.so.VERSION with its SONAME link (libjixiao.so.0.MINOR while 0.x) and the link a
# linker looks for, libjixiao.a, the header, and the pkg-config and CMake package files.
# Release builds are stripped. `make uninstall PREFIX=…` removes exactly these files.
PREFIX ?= /usr/local
PROFILE ?= release
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
SONAME := libjixiao.so.$(if $(filter 0.%,$(VERSION)),$(word 1,$(subst ., ,$(VERSION))).$(word 2,$(subst ., ,$(VERSION))),$(word 1,$(subst ., ,$(VERSION))))
LIB := $(DESTDIR)$(PREFIX)/lib
SHARE := $(DESTDIR)$(PREFIX)/share
INSTALLED := bin/jixiao lib/libjixiao.so.$(VERSION) lib/$(SONAME) lib/libjixiao.so lib/libjixiao.a \
  include/jixiao.h lib/pkgconfig/jixiao.pc lib/cmake/jixiao/jixiaoConfig.cmake \
  lib/cmake/jixiao/jixiaoConfigVersion.cmake share/man/man1/jixiao.1 \
  share/bash-completion/completions/jixiao share/zsh/site-functions/_jixiao \
  share/fish/vendor_completions.d/jixiao.fish
install:
	$(if $(filter release,$(PROFILE)),$(CARGO) build --locked -p jixiao-capi -p jixiao-cli --release,$(DEBUG_BUILD))
	install -d $(DESTDIR)$(PREFIX)/bin $(LIB)/pkgconfig $(LIB)/cmake/jixiao $(DESTDIR)$(PREFIX)/include \
	  $(SHARE)/man/man1 $(SHARE)/bash-completion/completions $(SHARE)/zsh/site-functions $(SHARE)/fish/vendor_completions.d
	install -m 755 $(if $(filter release,$(PROFILE)),-s) target/$(PROFILE)/jixiao $(DESTDIR)$(PREFIX)/bin/
	install -m 755 target/$(PROFILE)/libjixiao.so $(LIB)/libjixiao.so.$(VERSION)
	$(if $(filter release,$(PROFILE)),strip --strip-unneeded $(LIB)/libjixiao.so.$(VERSION))
	ln -sf libjixiao.so.$(VERSION) $(LIB)/$(SONAME)
	ln -sf $(SONAME) $(LIB)/libjixiao.so
	install -m 644 target/$(PROFILE)/libjixiao.a $(LIB)/
	$(if $(filter release,$(PROFILE)),strip --strip-debug $(LIB)/libjixiao.a)
	install -m 644 include/jixiao.h $(DESTDIR)$(PREFIX)/include/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' bindings/c/jixiao.pc.in > $(LIB)/pkgconfig/jixiao.pc
	for f in jixiaoConfig jixiaoConfigVersion; do \
	  sed -e 's|@VERSION@|$(VERSION)|' -e 's|@SONAME@|$(SONAME)|' bindings/c/cmake/$$f.cmake.in > $(LIB)/cmake/jixiao/$$f.cmake; done
	target/$(PROFILE)/jixiao man > $(SHARE)/man/man1/jixiao.1
	target/$(PROFILE)/jixiao completions bash > $(SHARE)/bash-completion/completions/jixiao
	target/$(PROFILE)/jixiao completions zsh > $(SHARE)/zsh/site-functions/_jixiao
	target/$(PROFILE)/jixiao completions fish > $(SHARE)/fish/vendor_completions.d/jixiao.fish
	@# The loader's cache, for a system prefix (not for a staged DESTDIR or a user's own prefix).
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && command -v ldconfig >/dev/null && ldconfig -v 2>/dev/null | grep -q "^$(PREFIX)/lib:"; then ldconfig; fi

uninstall:
	cd $(DESTDIR)$(PREFIX) && rm -f $(INSTALLED)
	-rmdir $(LIB)/cmake/jixiao 2>/dev/null

clean:
	$(CARGO) clean
	rm -rf $(VENV) build
