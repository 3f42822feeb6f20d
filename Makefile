# clozepress: `make` builds every deck and sheet from source/; `make test` checks everything.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CLOZEPRESS := $(BIN)/clozepress
# Set once `clozepress doctor` found the system parts a build needs (fonts, Pango): a fresh
# machine hears what to install before the first step fails on it.
SYSTEM := $(VENV)/.system-checked

NOTES := $(wildcard source/*.md)
STEMS := $(NOTES:source/%.md=%)
IR := $(STEMS:%=build/%.json)
DECKS := $(STEMS:%=dist/%.apkg)
SHEETS := $(STEMS:%=dist/sheets/%.pdf)
REPORT := dist/index.html

# Each step also depends on the code that does it, so a change to clozepress rebuilds its output.
PKG := src/clozepress
# The top modules every step runs through, and the intermediate form every stage reads.
CORE_SRC := $(addprefix $(PKG)/,cli.py pipeline.py project.py config.py console.py errors.py \
	atomic.py summary.py) $(wildcard $(PKG)/form/*.py)
PARSE_SRC := $(wildcard $(PKG)/read/*.py) $(wildcard $(PKG)/form/*.py)
DECK_SRC := $(CORE_SRC) $(wildcard $(PKG)/deck/*.py) $(wildcard $(PKG)/read/*.py) \
	$(wildcard $(PKG)/cards/*.py)
SHEET_SRC := $(CORE_SRC) $(wildcard $(PKG)/sheets/*.py) $(wildcard $(PKG)/read/*.py)
REPORT_SRC := $(CORE_SRC) $(wildcard $(PKG)/report/*.py)
# The stylesheet a step reads: the project's styles/NAME if present, else the default in the package.
style = $(or $(wildcard styles/$(1)),$(PKG)/styles/$(1))

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.PHONY: all ir decks sheets report watch check test lint bench clean help

all: decks sheets report ## build every deck and sheet from source/, then dist/index.html

ir: $(IR) ## parse every notes file into build/<stem>.json

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { echo "make: $(PYTHON) cannot make a \
	virtualenv; install it with: sudo apt-get install -y python3-venv" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(SYSTEM): $(STAMP)
	$(CLOZEPRESS) doctor -q
	touch $@

# source/corrections.toml (the user's misspellings, if any) is read with every notes file.
build/%.json: source/%.md $(wildcard source/corrections.toml) $(PARSE_SRC) $(STAMP) | $(SYSTEM)
	$(CLOZEPRESS) parse $< -o $@

decks: $(DECKS) ## build every Anki deck into dist/<stem>.apkg

# The deck also updates source/<stem>.ids.json (note identity: commit it with the notes).
# source/cues.toml (the user's cue words, if any) is read by the card policy.
dist/%.apkg: build/%.json $(wildcard source/cues.toml) $(call style,card.css) pyproject.toml $(DECK_SRC)
	$(CLOZEPRESS) deck $< -o $@ --notes source/$*.md

sheets: $(SHEETS) ## build the one-page PDF sheets into dist/sheets/ (cached per domain)

# Unchanged domains are not rendered again (build/sheets-cache/); the touch marks the combined
# PDF up to date even when nothing in it had to change.
dist/sheets/%.pdf: build/%.json $(call style,sheet.css) pyproject.toml $(SHEET_SRC)
	$(CLOZEPRESS) sheets $< --out dist
	touch $@

report: $(REPORT) ## write dist/index.html: decks, sheet thumbnails, warnings

$(REPORT): $(DECKS) $(SHEETS) $(call style,report.css) $(REPORT_SRC)
	$(CLOZEPRESS) report --out dist --build-dir build

watch: $(STAMP) ## build, then rebuild what each save of the notes or styles changes (Ctrl-C stops)
	$(CLOZEPRESS) watch

check: $(STAMP) ## print warnings and errors for every notes file
	$(CLOZEPRESS) check $(NOTES)

LINT := $(BIN)/ruff check src tests && $(BIN)/ruff format --check src tests && $(BIN)/mypy

lint: $(STAMP) ## ruff (lint and format) and mypy
	$(LINT)

# The tests run in one worker per core (pytest-xdist), a test module's tests in one worker so its
# module fixtures are built once; `make test PYTEST_PARALLEL=` runs them in one process. Lint and
# type-check run beside them and report after them.
PYTEST_PARALLEL ?= -n auto --dist loadfile

test: $(STAMP) ## check the system parts, then lint, type-check and every test (slow ones included)
	$(CLOZEPRESS) doctor --tests -q
	@log=$$(mktemp); echo "($(LINT)) > $$log &"; ($(LINT)) >$$log 2>&1 & lint=$$!; \
	echo "$(BIN)/pytest -q $(PYTEST_PARALLEL)"; $(BIN)/pytest -q $(PYTEST_PARALLEL); tests=$$?; \
	wait $$lint; linted=$$?; cat $$log; rm -f $$log; [ $$tests -eq 0 ] && [ $$linted -eq 0 ]

bench: $(STAMP) ## median timings and peak memory (see BENCHMARKS.md)
	$(BIN)/python bench/bench.py

clean: ## remove build/ and dist/ (the identity files in source/ stay)
	rm -rf build dist

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12
