# Kofuri Desk: every target sets up .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench soak bundle translations ts clean setup

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	bash scripts/system-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP) translations
	$(BIN)/kofuri

# Qt Linguist: `make ts` extracts ui/ texts into resources/translations/*.ts (committed); `make translations`
# compiles them into build/translations/*.qm (build output; a checkout also compiles them on first use).
ts: $(STAMP)
	$(BIN)/python scripts/translations.py update

translations: $(STAMP)
	$(BIN)/python scripts/translations.py compile

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check app ui tests bench
	$(BIN)/ruff format --check app ui tests bench
	$(BIN)/mypy

# The crash, concurrency and hostile-file soak (#16; about 30 minutes; not part of `make test`, which runs a
# short version of each part): SQLite, and PostgreSQL when KOFURI_TEST_PG_URL names a server.
soak: $(STAMP)
	$(BIN)/python scripts/soak/soak.py

bench: $(STAMP)
	@for f in bench/bench_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

# A one-folder bundle in dist/kofuri-desk-<version>/ (a few minutes), then its size against the budget.
bundle: $(STAMP) translations
	$(BIN)/pyinstaller --noconfirm --log-level WARN build.spec
	$(BIN)/python scripts/bundle_size.py dist

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
