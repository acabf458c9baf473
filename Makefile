# The README's commands. Each target creates .venv and installs what it needs on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared

.PHONY: demo demo-generic test eval bench neardup lint typecheck format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed-base: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed-base

demo: $(VENV)/.installed-base   ## crawl the bundled snapshot offline into data/articles.sqlite
	$(BIN)/ingest demo

demo-generic: $(VENV)/.installed-base   ## the generic news spider on three sites: sitemaps, feeds, links
	$(BIN)/ingest demo --generic

test: lint typecheck   ## lint, type check, then the whole suite
	$(BIN)/python -m pytest -q

eval: $(VENV)/.installed-test   ## every labelled set in $(SHARED)/eval, beside trafilatura and htmldate
	$(BIN)/ingest eval $(SHARED)/eval

bench: $(VENV)/.installed-test   ## speed beside baselines and limits: extraction, crawl to store, storage
	$(BIN)/python -m bench.run

neardup: $(VENV)/.installed-test   ## precision/recall of the near-duplicate threshold on snapshot pairs
	$(BIN)/python -m bench.neardup

lint: $(VENV)/.installed-test   ## ruff's checks and formatter (pinned in pyproject.toml)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-test   ## mypy over the packages ([tool.mypy] in pyproject.toml)
	$(BIN)/mypy

format: $(VENV)/.installed-test
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) data/articles.sqlite data/articles.sqlite-* .pytest_cache .ruff_cache .mypy_cache
