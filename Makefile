# The project's front door. `make run` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt requirements-s3.txt | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve test test-postgres lint format accuracy bench faults backup restore clean

# DEBUG is off unless asked (encontact/settings.py): the development targets ask for it.
run backup restore: export DEBUG ?= 1

$(STAMP): requirements.txt requirements-dev.txt requirements-s3.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

## Create the virtualenv, migrate, import the demo archive, make sure an editor exists, serve
## (with the import worker beside the server, stopped with it).
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py import_corpus fixtures/corpus
	$(BIN)/python manage.py ensure_editor
	$(BIN)/python manage.py db_worker --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; $(BIN)/python manage.py runserver $(HOST):$(PORT)

## The whole suite (SQLite unless DATABASE_URL says otherwise).
test: install
	$(BIN)/pytest -n 2 --dist loadfile

## The suite again on a fresh PostgreSQL database at 127.0.0.1:5432.
test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/encontact} $(BIN)/pytest -n 2 --dist loadfile

## How the importer reads the demo corpus and the layout corpus, field by field, with every miss.
accuracy: install
	$(BIN)/python -m articles.importing.accuracy fixtures/corpus fixtures/layouts

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)

faults: install
	$(BIN)/python -m bench.faults

backup: install
	$(BIN)/python -m ops.backup backup

restore: install
	@test -n "$(FROM)" || (echo "Usage : make restore FROM=backups/<horodatage>"; exit 2)
	$(BIN)/python -m ops.backup restore $(FROM)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
