# Heard — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HEARD := $(VENV)/bin/heard
STAMP := $(VENV)/.installed
INSTANCE := instance
PORT ?= 5000
export HEARD_ENV ?= development

.PHONY: run test lint bench bench-peers translations system-packages clean

$(STAMP): setup.cfg pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

$(INSTANCE)/secret_key:
	@mkdir -p $(INSTANCE)
	@$(PY) -c 'import secrets; print(secrets.token_hex(32))' > $@
	@chmod 600 $@

## run: set everything up and serve the demo on http://127.0.0.1:$(PORT)
run: $(STAMP) $(INSTANCE)/secret_key translations-compile
	@export SECRET_KEY=$$(cat $(INSTANCE)/secret_key); \
	$(HEARD) init-db && \
	$(HEARD) surveys load forms/library && \
	$(HEARD) demo --if-empty && \
	$(HEARD) users ensure-demo-staff && \
	echo "Serving Heard on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)" && \
	$(HEARD) run --host 127.0.0.1 --port $(PORT)

## system-packages: the browser and fonts the tests and reports use (only as root)
system-packages:
	@if [ "$$(id -u)" = 0 ]; then \
	  if ! command -v chromium >/dev/null || ! dpkg -s fonts-noto-core >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      chromium fonts-noto-core fonts-noto-ui-core >/dev/null; \
	  fi; \
	else echo "Not root: skipping apt-get (install chromium and fonts-noto-core for browser tests)"; fi

## test: set up and run the whole suite
test: $(STAMP) system-packages translations-compile
	$(VENV)/bin/pytest -n 2 -q

## lint: ruff and the import-linter contracts (analysis/ and forms/ never import feedback)
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

translations-compile: $(STAMP)
	@if ls translations/*/LC_MESSAGES/*.po >/dev/null 2>&1; then \
	  $(VENV)/bin/pybabel compile -q -d translations -D messages 2>/dev/null || true; \
	  $(VENV)/bin/pybabel compile -q -d translations -D surveys 2>/dev/null || true; \
	fi

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
