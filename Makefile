# The two commands of the README: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
LINT_DIR := tools/cypher-lint
PORT ?= 8501
export POLICYKG_HOME ?= $(CURDIR)/data

.PHONY: install demo load serve test test-fast lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(LINT_DIR)/node_modules/.installed: $(LINT_DIR)/package.json $(LINT_DIR)/package-lock.json
	cd $(LINT_DIR) && npm ci --no-audit --no-fund --silent
	touch $@

install: $(VENV)/.installed

## Load the demo corpus into the embedded store and serve the explorer on localhost:$(PORT).
demo: install
	$(BIN)/policykg load demo/
	$(BIN)/policykg serve --port $(PORT)

## Create the environment and run the whole test suite: lint, types, the fast layer, then
## the end-to-end layer (own servers and processes, kill -9, headless Chromium, fuzz).
test: install $(LINT_DIR)/node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest -m "not e2e"
	$(BIN)/pytest -m e2e

## The fast layer alone (in-process CLI, one shared embedded server): the edit-test loop.
test-fast: install $(LINT_DIR)/node_modules/.installed
	$(BIN)/pytest -m "not e2e"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python bench/load_throughput.py

clean:
	rm -rf $(VENV) $(LINT_DIR)/node_modules
