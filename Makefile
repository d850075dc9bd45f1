# The two commands of the README: `make demo` and `make test`.
# The interpreter .venv is made with: tools/python.sh says which and why; PYTHON=… picks another.
PYTHON ?= $(shell tools/python.sh)
VENV := .venv
BIN := $(VENV)/bin
LINT_DIR := tools/cypher-lint
PORT ?= 8501
export POLICYKG_HOME ?= $(CURDIR)/data

NEO4J_JAR := tools/neo4j/target/policykg-neo4j.jar
NEO4J_HOME ?= $(POLICYKG_HOME)/neo4j
NEO4J_PORT ?= 7687
NEO4J_PASSWORD ?= change-me

.PHONY: install demo load serve test test-fast lint format bench clean neo4j neo4j-build neo4j-import

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test,native]'
	touch $@

$(LINT_DIR)/node_modules/.installed: $(LINT_DIR)/package.json $(LINT_DIR)/package-lock.json
	cd $(LINT_DIR) && npm ci --no-audit --no-fund --silent
	touch $@

# The loaders compiled with mypyc (policykg/loaders/native.py): a no-op while the build matches
# the sources, ~1 minute after a loader changed; without a C compiler it warns and Python runs.
install: $(VENV)/.installed
	$(BIN)/python -m policykg.loaders.build_native

## Load the demo corpus into the embedded store and serve the explorer on localhost:$(PORT).
demo: install
	$(BIN)/policykg load demo/
	$(BIN)/policykg serve --port $(PORT)

## Create the environment and run the whole test suite: lint, types, the fast layer, then
## the end-to-end layer (own servers and processes, kill -9, headless Chromium, fuzz).
test: install $(LINT_DIR)/node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest -m "not e2e" -n 2
	$(BIN)/pytest -m e2e

## The fast layer alone (in-process CLI, one shared embedded server): the edit-test loop.
test-fast: install $(LINT_DIR)/node_modules/.installed
	$(BIN)/pytest -m "not e2e" -n 2

## Neo4j 5 (LTS, from Maven Central; needs Java 17 and Maven) in the foreground on
## bolt://127.0.0.1:$(NEO4J_PORT), data in $(NEO4J_HOME), user neo4j / $(NEO4J_PASSWORD); Ctrl-C stops it.
neo4j: $(NEO4J_JAR)
	NEO4J_PASSWORD='$(NEO4J_PASSWORD)' java -Xms512m -Xmx1g --add-opens=java.base/java.nio=ALL-UNNAMED \
		-jar $(NEO4J_JAR) --home '$(NEO4J_HOME)' --port $(NEO4J_PORT)

neo4j-build: $(NEO4J_JAR)

## Bulk-load a CSV export (`policykg export --format csv DIR`) into $(NEO4J_HOME) with neo4j-admin
## from Maven Central (tools/neo4j/neo4j-admin; the server stopped, the database replaced).
neo4j-import: $(NEO4J_JAR)
	@test -n '$(CSV)' || { echo 'usage: make neo4j-import CSV=DIR (a policykg export --format csv folder)' >&2; exit 2; }
	PATH='$(CURDIR)/tools/neo4j':"$$PATH" NEO4J_HOME='$(abspath $(NEO4J_HOME))' sh '$(CSV)/neo4j-admin-import.sh'

$(NEO4J_JAR): tools/neo4j/pom.xml $(wildcard tools/neo4j/src/main/java/policykg/neo4j/*.java)
	mvn -q -B -f tools/neo4j/pom.xml package
	touch $@

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
