# Two commands on a fresh machine: `make serve` and `make test`. `make audit` for the full quality audit.
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-requirements
# The Python that makes .venv: any 3.11 or newer (Debian 12's own python3 is 3.11.2).
# Override it with `make PYTHON=/path/to/python3.12 ...`.
PYTHON ?= python3
# The audit's Node tools (Lighthouse, axe-core, the Nu Html Checker), exactly as locked.
AUDIT_TOOLS := audit/node_modules/.installed-from-lock
# The build's optimiser (PurgeCSS), exactly as locked; optional locally, required in CI.
OPTIMISE_TOOLS := optimise/node_modules/.installed-from-lock
# `make build` and `make test` install the optimiser themselves where npm is present, as they
# make .venv, so the first run builds and tests the site that ships; without npm, one line
# says what is missing, and the plain site is built.
ifneq ($(and $(shell command -v npm 2>/dev/null),$(wildcard optimise/package-lock.json)),)
SHIPPING_TOOLS := $(OPTIMISE_TOOLS)
else
SHIPPING_TOOLS := no-optimiser
endif
# Builds of one commit are byte-identical: dates in the output (the sitemap's) come from
# the last commit, not from the clock. Outside a git checkout the build uses today.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

# Material 9.8 prints a notice about MkDocs 2 on every build; it is known and pinned around.
export NO_MKDOCS_2_WARNING := 1

# A .venv whose python no longer runs, has no pip, or is older than 3.11 (made by another
# interpreter, or half-made by a failed run) is made again, not reused.
ifneq ($(shell $(BIN)/python -c 'import sys, pip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo ok),ok)
$(shell rm -f $(STAMP))
endif

.PHONY: serve build test test-fast bench drawings clean distclean audit audit-tools optimise-tools no-optimiser

# Re-install whenever requirements.txt or the package's metadata changes.
$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "make: this project needs Python 3.11 or newer, but '$(PYTHON)' is $$($(PYTHON) --version 2>&1 | head -1 || echo missing); install python3 (3.11+), or run: make PYTHON=/path/to/python3.11" >&2; exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
	  echo "make: '$(PYTHON)' cannot make a virtual environment; install python3-venv (apt-get install python3-venv)" >&2; exit 1; }
	@$(BIN)/python -c 'import sys, pip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The preview's address: `make serve PORT=8001`, or `make serve ADDR=0.0.0.0:8000` to try it on a
# phone on the same network. The site is built for that address, so instant navigation works.
PORT ?= 8000
ADDR ?= 127.0.0.1:$(PORT)

# mkdocs serve, restarted when the site's code changes (backguide/serve.py); a page with a
# problem shows it in place, and the other pages keep serving.
serve: $(STAMP)
	SITE_URL=http://$(ADDR)/ $(BIN)/python -m backguide.serve --dev-addr $(ADDR)

# One build for make, the tests, the audit and the Pages workflow: build-site
# (backguide/ship.py) runs MkDocs with --strict, then the optimiser (one stylesheet for
# every page, README: Speed), then check-site on the pages as they ship. It builds into a
# scratch folder and swaps it in only when every step passed, so a failed build keeps the
# last good site/. In CI (CI=true) a missing optimiser stops it; run `make optimise-tools`.
build: $(STAMP) $(SHIPPING_TOOLS)
	$(BIN)/build-site site

test: build
	$(BIN)/python -m pytest

# The build and every test that needs no browser: what CI also runs on Debian's own python3.
test-fast: build
	$(BIN)/python -m pytest --ignore=tests/browser -m "not browser"

# Figures, not a test: what the safety gate adds to a build, what the rendered gate takes at 10
# and 100 pages, what search costs at scale, and
# what each page costs (policy, CSS, bytes) at 100 and 1,000 pages.
bench: $(STAMP)
	$(BIN)/python -m bench.gate_cost
	$(BIN)/python -m bench.rendered_cost
	$(BIN)/python -m bench.search_scale
	$(BIN)/python -m bench.site_scale

# One contact sheet of every drawing beside its step, light and dark, for a physiotherapist to
# mark up: test-results/drawings/review-sheet.png (support/drawing_sheet.py; needs Chromium).
drawings: $(STAMP)
	$(BIN)/python -m support.drawing_sheet test-results

# Builds its own copy of the site for the address nginx serves it at, audits every page
# and prints a summary; exits non-zero on any miss. Takes a few minutes (Lighthouse).
audit: $(STAMP) $(AUDIT_TOOLS) $(OPTIMISE_TOOLS)
	$(BIN)/python -m audit

audit-tools: $(AUDIT_TOOLS) $(OPTIMISE_TOOLS)

optimise-tools: $(OPTIMISE_TOOLS)

no-optimiser:
	@echo "make: npm is not installed, so this builds the plain site, not the one that ships; for that, install Node 20.19+ and npm (apt-get install nodejs npm) and run make again" >&2

$(OPTIMISE_TOOLS): optimise/package-lock.json
	cd optimise && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# --ignore-scripts: no package needs one, and vnu-jar's would try to download a Java.
$(AUDIT_TOOLS): audit/package-lock.json
	cd audit && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# Keeps .venv and the Node tools (audit's and optimiser's), which take a while to install.
clean:
	rm -rf site .site-next .cache .pytest_cache audit-results test-results

# Everything clean removes, and the installed tools too: the next command starts afresh.
distclean: clean
	rm -rf $(VENV) audit/node_modules optimise/node_modules
