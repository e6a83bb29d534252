# Every target sets up what it needs: a fresh clone runs `make site` or `make test` and nothing else.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.runtime
DEV     := $(VENV)/.dev

.PHONY: site serve test fuzz lint check catalogue lock chromium screenshots audit bench clean

# What building a hub needs: exactly the versions, and the files' hashes, of requirements/
# (a lock made by `make lock`), so a fresh clone installs today what it installed yesterday.
$(RUNTIME): requirements/runtime.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/runtime.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# What developing Brandhub needs: test, lint and type-check tools, Playwright.
$(DEV): $(RUNTIME) requirements/dev.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	touch $@

## lock: pin pyproject.toml's dependencies into requirements/*.txt, with hashes (new ones only;
## Dependabot proposes upgrades, or delete a line to take a package's newest version)
LOCK_TOOLS := .tools/lock
COMPILE = $(LOCK_TOOLS)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --build-deps-for wheel --build-deps-for editable
lock:
	$(PYTHON) -m venv $(LOCK_TOOLS)
	$(LOCK_TOOLS)/bin/pip install --quiet pip-tools==7.6.2
	$(COMPILE) -o requirements/runtime.txt pyproject.toml
	$(COMPILE) --extra dev --constraint requirements/runtime.txt \
	  -o requirements/dev.txt pyproject.toml

## site: check the demo hub and build it into site/
site: $(RUNTIME)
	$(BIN)/brandhub build

## serve: live preview on http://127.0.0.1:8000/ (drafts and embargoed items shown with a banner)
serve: $(RUNTIME)
	$(BIN)/brandhub serve

## check: validate content and settings without building
check: $(RUNTIME)
	$(BIN)/brandhub check

## catalogue: bring the message catalogues (hub/locale/) in step with the code's messages
catalogue: $(RUNTIME)
	$(BIN)/python scripts/catalogue.py

lint: $(DEV)
	$(BIN)/ruff check hub tests scripts bench setup.py
	$(BIN)/ruff format --check hub tests scripts bench setup.py
	$(BIN)/mypy

# Browser tests drive Debian's chromium; Playwright never downloads a browser. Where another
# Chromium is installed (a CI runner's), BRANDHUB_CHROMIUM points at it instead.
chromium:
	@if [ -z "$$BRANDHUB_CHROMIUM" ] && ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

## test: lint, type-check and run every test, browser tests included
test: $(DEV) lint chromium
	$(BIN)/pytest

## screenshots: regenerate the README's screenshots from the demo hub
screenshots: $(DEV) chromium
	$(BIN)/python scripts/screenshots.py

LIGHTHOUSE := .tools/node_modules/.bin/lighthouse
$(LIGHTHOUSE):
	npm install --no-audit --no-fund --silent --prefix .tools lighthouse@13.5.0

## audit: Lighthouse scores of the demo's home and a story, written to docs/audit.md
audit: $(DEV) chromium $(LIGHTHOUSE)
	$(BIN)/python scripts/audit.py

## bench: Brandhub against plain Material on synthetic hubs (BENCH_SIZES=1000,5000,10000 for more)
bench: $(DEV)
	$(BIN)/python bench/run.py

## fuzz: the Hypothesis properties with 20,000 examples each
fuzz: $(DEV)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/test_fuzz.py

clean:
	rm -rf $(VENV) .tools site .cache .pytest_cache .mypy_cache .ruff_cache
