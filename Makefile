# Two commands do everything on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench robust clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/numcheck check examples/drafts --against examples/archive --fail-on never

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# The robustness suite of issue 13 (hypothesis, malformed files, long documents, a 10,000-
# input batch, damaged stores, shuffled inputs); writes its section of docs/benchmarks.md.
robust: $(STAMP)
	$(BIN)/python benchmarks/run.py robustness

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
