# Two commands on a fresh machine: `make serve` and `make test`; `make audit` for the full quality audit.
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-requirements
# The audit's Node tools (Lighthouse, axe-core, the Nu Html Checker), exactly as locked.
AUDIT_TOOLS := audit/node_modules/.installed-from-lock
# Builds of one commit are byte-identical: dates in the output (the sitemap's) come from
# the last commit, not from the clock. Outside a git checkout the build uses today.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

# Material 9.8 prints a notice about MkDocs 2 on every build; it is known and pinned around.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench clean

# Re-install whenever requirements.txt changes.
$(STAMP): requirements.txt
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Never add -q: it hides the warnings that --strict counts.
# Built into a scratch folder and swapped in, so a failed build keeps the last good site/.
# check_site.py runs the safety rules again on the output, independent of MkDocs hooks.
build: $(STAMP)
	rm -rf .site-next
	$(BIN)/mkdocs build --strict --site-dir .site-next || { rm -rf .site-next; exit 1; }
	$(BIN)/python hooks/check_site.py .site-next || { rm -rf .site-next; exit 1; }
	rm -rf site && mv .site-next site

test: build
	$(BIN)/python -m pytest

# Figures, not a test: what the safety gate adds to a build.
bench: $(STAMP)
	$(BIN)/python bench/gate_cost.py
	$(BIN)/python bench/search_scale.py

clean:
	rm -rf site .site-next .cache .pytest_cache audit-results

.PHONY: audit audit-tools

# Builds its own copy of the site for the address nginx serves it at, audits every page
# and prints a summary; exits non-zero on any miss. Takes a few minutes (Lighthouse).
audit: $(STAMP) $(AUDIT_TOOLS)
	$(BIN)/python -m audit

audit-tools: $(AUDIT_TOOLS)

# --ignore-scripts: no package needs one, and vnu-jar's would try to download a Java.
$(AUDIT_TOOLS): audit/package-lock.json
	cd audit && npm ci --ignore-scripts --no-audit --no-fund
	touch $@
