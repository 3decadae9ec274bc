# Heard — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HEARD := $(VENV)/bin/heard
STAMP := $(VENV)/.installed
INSTANCE := instance
PORT ?= 5000
export HEARD_ENV ?= development

.PHONY: run test lint bench bench-peers bench-scale translations translations-compile system-packages clean text-model

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
	$(HEARD) users ensure-demo-staff && \
	$(HEARD) demo --if-empty && \
	$(HEARD) analyse && \
	echo "Serving Heard on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)." && \
	echo "Sign in at http://127.0.0.1:$(PORT)/login with the demo sign-ins printed above." && \
	$(HEARD) run --host 127.0.0.1 --port $(PORT)

## system-packages: the browser and fonts the tests and reports use (only as root)
# fonts-noto-core has every script Heard offers: Noto Sans Gurmukhi, Gujarati and Tamil,
# Noto Naskh/Sans Arabic and Noto Nastaliq Urdu (fonts-noto-extra, 330 MB, is not needed).
# poppler-utils (pdffonts, pdftotext) lets the report test check the PDF's fonts and words.
# libharfbuzz-subset0: WeasyPrint 70 subsets fonts with it (and warns, an error in tests, without).
# nodejs and npm (only when no Node is on the machine): the single sign-on tests run a
# real OpenID provider from npm (tests/oidc).
# redis-server: the limiter's shared store is tested against a real Redis the tests start
# on a loopback port (the Debian service itself is not started or enabled by the tests).
SYSTEM_PACKAGES := chromium fonts-noto-core fonts-noto-ui-core poppler-utils libharfbuzz-subset0 redis-server
system-packages:
	@if [ "$$(id -u)" = 0 ]; then \
	  if ! command -v chromium >/dev/null || ! command -v pdffonts >/dev/null \
	      || ! dpkg -s $(SYSTEM_PACKAGES) >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      $(SYSTEM_PACKAGES) >/dev/null; \
	  fi; \
	  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  fi; \
	else echo "Not root: skipping apt-get (install chromium, fonts-noto-core, poppler-utils and redis-server for browser, report and limiter tests)"; fi

## oidc-provider: the real OpenID provider the single sign-on tests start (Node + npm)
# npm ci installs exactly what tests/oidc/package-lock.json names; without Node the
# single sign-on tests skip, saying so.
OIDC_STAMP := tests/oidc/node_modules/.installed
$(OIDC_STAMP): tests/oidc/package.json tests/oidc/package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --prefix tests/oidc --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: skipping the test OpenID provider (apt-get install nodejs npm)"; fi

## test: set up and run the whole suite
test: $(STAMP) system-packages translations-compile
	@$(MAKE) --no-print-directory $(OIDC_STAMP)
	$(VENV)/bin/pytest -n 2 -q

## lint: ruff, the import-linter contracts (analysis/ and forms/ never import feedback), mypy
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

## bench: every benchmark (at most 15 minutes on 2 cores); rewrites bench/RESULTS.md
BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): $(STAMP) setup.cfg
	$(PY) -m pip install --quiet -e '.[test,bench]'
	@touch $@

bench: $(BENCH_STAMP) system-packages translations-compile
	$(PY) -m bench.run

## bench-peers: build django-survey-and-report in a temporary folder; measure both; ratios
bench-peers: $(BENCH_STAMP) system-packages translations-compile
	$(PY) -m bench.run --only peers

## bench-scale: only the scale benchmarks, 10,000 up to 1,000,000 responses
bench-scale: $(BENCH_STAMP) translations-compile
	$(PY) -m bench.run --only scale --scale-sizes 10000,100000,270000,1000000

## text-model: rebuild the learned text models (analysis/text/models/) from the corpus
# The shipped model also learns from the NHS FFT development half (as ordinary text) and
# voices-dev, read from ../shared/data at build time; their texts are never committed.
SHARED_DATA ?= ../shared/data
text-model: $(STAMP)
	$(HEARD) text train --nhs $(SHARED_DATA)/nhs-fft/dev.csv --extra $(SHARED_DATA)/voices-dev.jsonl

## translations: extract every string, update each language's catalogs, compile them
# Domain `messages` is the interface (babel.cfg), `surveys` the bundled surveys' wording
# (babel-surveys.cfg, read by the heard_survey extractor). A new language: add its code to
# LANGUAGES, run this, translate translations/<code>/LC_MESSAGES/*.po, add it to
# translations/STATUS.yaml and to the `languages:` of the surveys that should offer it.
LANGUAGES := en pa pl ur ro gu ta ar so
PYBABEL := $(VENV)/bin/pybabel
translations: $(STAMP)
	$(PYBABEL) -q extract -F babel.cfg -k lazy_gettext -k _l -k translate \
	  --add-comments=TRANSLATORS: --project=Heard -o translations/messages.pot .
	$(PYBABEL) -q extract -F babel-surveys.cfg --project=Heard -o translations/surveys.pot .
	@set -e; for domain in messages surveys; do for lang in $(LANGUAGES); do \
	  if [ -f translations/$$lang/LC_MESSAGES/$$domain.po ]; then \
	    $(PYBABEL) -q update -N --ignore-pot-creation-date -D $$domain -i translations/$$domain.pot -d translations -l $$lang; \
	  else \
	    $(PYBABEL) -q init -D $$domain -i translations/$$domain.pot -d translations -l $$lang; \
	  fi; \
	done; done
	@$(MAKE) --no-print-directory translations-compile
	@$(HEARD) translations status

# The .mo files are built, not committed: compile each .po that changed. Any error (a
# broken placeholder, a syntax error) stops the build; fuzzy entries are left out.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard translations/*/LC_MESSAGES/*.po))
translations-compile: $(MO_FILES)
translations/%.mo: translations/%.po | $(STAMP)
	$(PYBABEL) -q compile -i $< -o $@

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
