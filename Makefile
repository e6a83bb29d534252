# Every target sets up what it needs: a fresh clone runs `make site` or `make test` and nothing else.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site serve test lint check chromium clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

## site: check the demo hub and build it into site/
site: $(STAMP)
	$(BIN)/brandhub build

## serve: live preview on http://127.0.0.1:8000/ (drafts and embargoed items shown with a banner)
serve: $(STAMP)
	$(BIN)/brandhub serve

## check: validate content and settings without building
check: $(STAMP)
	$(BIN)/brandhub check

lint: $(STAMP)
	$(BIN)/ruff check hub tests
	$(BIN)/ruff format --check hub tests
	$(BIN)/mypy

# Browser tests drive Debian's chromium; Playwright never downloads a browser.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

## test: lint, type-check and run every test, browser tests included
test: $(STAMP) lint chromium
	$(BIN)/pytest

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
