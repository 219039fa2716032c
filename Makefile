# One entry point for editors, maintainers and CI. `make help` lists the commands.
# `make serve` and `make test` set everything up themselves: a Python venv with the pinned packages
# (and, for tests and the benchmark, the pinned npm tools).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# The generator: mkdocs, or properdocs (README, "End of life"); scripts/site_config.py reads the same variable.
export SITE_GENERATOR ?= mkdocs

.PHONY: help serve build check links page confirm translations spelling plain test test-fast lint roster bench lock clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11).")'
	@# A venv left half-made (set-up interrupted) has no pip: make it again.
	$(BIN)/python -m pip --version >/dev/null 2>&1 || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements.txt -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

roster: $(BIN)/.installed ## Check data/steering-group.yml and print the list as the site will show it
	$(BIN)/python scripts/steering_group.py

# scripts/serve.py: $(SITE_GENERATOR) serve --livereload --no-strict, after checking mkdocs.yml and the port. A mistake
# is shown at the top of every page instead of stopping the preview (overrides/hooks/preview.py);
# `make build`, `make check` and publishing stay strict. PORT=8001 picks another port.
serve: $(BIN)/.installed ## Preview the site with live reload at http://127.0.0.1:8000/ (PORT=8001: another port)
	$(BIN)/python scripts/serve.py $(if $(PORT),--port $(PORT))

build: $(BIN)/.installed ## Build the site into site/ (strict: any warning fails)
	$(BIN)/python -m $(SITE_GENERATOR) build --strict

check: $(BIN)/.installed ## Quick check for editors: roster, translations, spelling, build and links (a few seconds)
	$(BIN)/python scripts/check.py $(if $(SUMMARY),--summary "$(SUMMARY)")

# The weekly link watch (.github/workflows/links.yml) runs this on main. SUMMARY=FILE appends the result there.
links: build ## Do the pages' links to other websites still work? (builds first; needs the internet)
	$(BIN)/python scripts/link_watch.py $(if $(SUMMARY),--summary "$(SUMMARY)")

page: $(BIN)/.installed ## Add a page in every language and to the menu (asks for name, titles, descriptions)
	$(BIN)/python scripts/new_page.py

confirm: $(BIN)/.installed ## After checking a translation: make confirm PAGE=puljen.md
	@test -n "$(PAGE)" || { echo "Skriv hvilken side: make confirm PAGE=puljen.md"; exit 2; }
	$(BIN)/python scripts/translation_status.py --confirm $(PAGE)

translations: $(BIN)/.installed ## Which translations are missing or out of date
	$(BIN)/python scripts/translation_status.py

spelling: $(BIN)/.installed ## Spelling of every page (hunspell; words to accept go in data/ordliste.txt)
	$(BIN)/python scripts/spelling.py

plain: $(BIN)/.installed ## Plain language: LIX per Danish page, sentence length, the glossary's English terms
	$(BIN)/python scripts/plain_language.py

lint: $(BIN)/.installed ## Check the Python code style
	$(BIN)/ruff check scripts tests overrides/hooks
	$(BIN)/ruff format --check scripts tests overrides/hooks

test: $(BIN)/.installed node_modules/.installed lint ## Run every test (built site, roster, browser, workflows)
	$(BIN)/python scripts/translation_status.py  # lists outdated translations (they do not fail)
	$(BIN)/python -m pytest

# Without the browser tests and the Nu Html Checker (Java, and vnu.jar from npm): only the Python set-up.
generators: $(BIN)/.installed ## Build with MkDocs and with ProperDocs: the same site, the same messages (CI's job)
	$(BIN)/python -m pytest -q tests/test_generators.py

test-fast: $(BIN)/.installed ## Run the tests that need no browser, Java or npm
	$(BIN)/python -m pytest -m "not browser and not java"

bench: $(BIN)/.installed node_modules/.installed ## Build time and scaling vs stock, page weight, Lighthouse, preview; the targets (QUICK=1: a few min)
	$(BIN)/python scripts/benchmark.py $(if $(QUICK),--quick)

lock: $(BIN)/.installed ## Re-pin requirements*.txt from requirements*.in (needs the package index)
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements-dev.txt requirements-dev.in

clean: ## Remove the built site and caches (keeps the venv)
	rm -rf site .pytest_cache .ruff_cache .hypothesis test-reports
