# Newsreel: `make demo` and `make test` are the two set-up commands (see README).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARCHIVE ?= demo.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test test-fast lint bench bench-smoke clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	rm -rf $(ARCHIVE) $(ARCHIVE)-wal $(ARCHIVE)-shm $(ARCHIVE).*
	$(BIN)/newsreel ingest examples --archive $(ARCHIVE)
	$(BIN)/newsreel process --archive $(ARCHIVE)
	$(BIN)/newsreel stories --archive $(ARCHIVE) --min-videos 1 --limit 5
	$(BIN)/newsreel stats --archive $(ARCHIVE)
	$(BIN)/newsreel search Cairo --archive $(ARCHIVE) --limit 3
	$(BIN)/newsreel serve --archive $(ARCHIVE) --host $(HOST) --port $(PORT)

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

test-fast: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -m "not corpus and not browser and not slow"

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy  # src, tests and bench (files in pyproject.toml)
	$(BIN)/lint-imports  # the layering contract in pyproject.toml

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/ingest.py

# Every benchmark end to end on tiny input; fails on the first that breaks.
bench-smoke: $(VENV)/.installed-dev
	PYTHON=$(BIN)/python bench/smoke.sh

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
