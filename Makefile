# The workflow of elevenlabs-user-client, in the order an engineer meets it.
#   make | make help                             this list, with what each target does
#   make demo | make test | make docs             first contact
#   make update-spec SRC=...; make generate       follow ElevenLabs' API
#   make sync SRC=...                             ...all of it in one command, ending in a verdict
#   make diff; make test; make release; make build; make publish   ship it
#   make check | make bench | make record        keep it honest

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
# The generator's post-hooks call ruff from PATH: make it the pinned one.
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

.DEFAULT_GOAL := help
.PHONY: help demo docs test check generate update-spec sync diff release build publish bench record mutate clean

## --- first contact -------------------------------------------------------------------------
help:                                 ## list the targets with what each does (plain `make` does this)
	@awk 'BEGIN { FS = ":.*## " } \
	  /^## --- / { gsub(/^## --- | -+$$/, ""); printf "\n%s\n", $$0; next } \
	  /^[a-z][a-z-]*:.*## / { printf "  make %-13s %s\n", $$1, $$2 }' $(firstword $(MAKEFILE_LIST))

demo: $(VENV)/.runtime-installed      ## the `elevenlabs-user` quota command against a loopback mock (or your ELEVENLABS_API_KEY)
	$(PY) -m scripts.demo $(DEMO_ARGS)

docs: $(VENV)/.installed              ## HTML API reference of the package into build/docs (pdoc)
	$(PY) -m scripts.docs

# Two workers, whole test files each (so a file's expensive fixtures are built once), longest files first
# (tests/conftest.py); PYTEST_ARGS="-n 0" runs serially.
PYTEST_ARGS ?= -n 2 --dist loadfile --no-loadscope-reorder
test: $(VENV)/.installed              ## the whole suite
	$(PY) -m pytest $(PYTEST_ARGS)

## --- follow the API --------------------------------------------------------------------------
update-spec: $(VENV)/.installed       ## import SRC="<path or URL> [...]" into openapi/elevenlabs-user.yaml
	@test -n "$(SRC)" || { echo 'usage: make update-spec SRC="<path or URL> [more...]"' >&2; exit 2; }
	$(PY) -m scripts.spec_import $(SRC)

generate: $(VENV)/.installed          ## regenerate client/elevenlabs_user_client from openapi/ + config + templates
	$(PY) -m scripts.generate

sync: $(VENV)/.installed              ## import SRC, generate, check, diff, test; verdict + exit 0/10/20/2 (see README)
	@test -n "$(SRC)" || { echo 'usage: make sync SRC="<path or URL> [more...]"' >&2; exit 2; }
	$(PY) -m scripts.sync $(SRC) $(SYNC_ARGS)

## --- ship it ---------------------------------------------------------------------------------
diff: $(VENV)/.installed              ## wire + Python API changes, OLD vs NEW spec (default: HEAD vs working copy)
	$(PY) -m scripts.spec_diff $(if $(OLD),--old $(OLD)) $(if $(NEW),--new $(NEW)) $(DIFF_ARGS)

release: $(VENV)/.installed           ## semver bump from the worse of the two diffs, consumer CHANGELOG entry
	$(PY) -m scripts.release

build: $(VENV)/.installed             ## sdist + wheel into dist/, checked by twine
	$(PY) -m scripts.build_dist

publish: build                        ## gates (clean release commit, credentials, new version), then upload dist/
	$(PY) -m scripts.publish

## --- keep it honest --------------------------------------------------------------------------
check: $(VENV)/.installed             ## lint, strict typing (client/ and the whole-API package), client/ == `make generate`
	$(PY) -m ruff check scripts tests
	$(PY) -m ruff format --check scripts tests
	$(PY) -m mypy --strict scripts
	$(PY) -m ruff check --isolated --line-length 120 --select E,F,I,B --ignore E501 client/elevenlabs_user_client
	$(PY) -m ruff format --isolated --line-length 120 --check templates/runtime   # copied as is: already formatted
	$(PY) -m mypy --strict client/elevenlabs_user_client
	$(PY) -m scripts.generate --check
	$(PY) -m scripts.full_api --typecheck   # the whole published API, generated (shared with make test)

bench: $(VENV)/.installed $(VENV)/.bench-installed   ## side-by-side benchmark table (ratios in one run)
	$(PY) -m scripts.bench

record: $(VENV)/.installed            ## record live responses as redacted fixtures (needs ELEVENLABS_API_KEY)
	$(PY) -m scripts.record

mutate: $(VENV)/.installed $(VENV)/.mutate-installed   ## mutation testing of scripts/spec_diff (slow; not in CI)
	$(PY) -m scripts.mutate

## --- environment -----------------------------------------------------------------------------
# The demo needs only the package and its runtime dependencies (the mock is stdlib): seconds, not the toolchain.
$(VENV)/.runtime-installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --quiet -e . --group dev
	touch $@ $(VENV)/.runtime-installed

$(VENV)/.bench-installed: pyproject.toml
	$(PY) -m pip install --quiet --group bench
	touch $@

$(VENV)/.mutate-installed: pyproject.toml
	$(PY) -m pip install --quiet --group mutate
	touch $@

clean:                                ## remove .venv, dist/, build/ (docs, bench) and the tool caches
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis .generate-tmp
