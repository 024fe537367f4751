# Two entry points: `make serve` (the main job) and `make test`. Both create .venv when it is missing and
# install from the lock files (every package pinned, with its hashes); `make lock` writes the locks.
PY        := .venv/bin/python
CLI       := .venv/bin/career-assistant
FEEDS     ?= ../shared/feeds
LOCK      := requirements.txt
TEST_LOCK := requirements-test.txt
STAMP     := .venv/.installed
TEST_STAMP := .venv/.installed-test

.PHONY: serve test lint install install-test lock clean

$(PY):
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip

# Exactly the locked set: --no-deps, so nothing outside the lock comes in; --require-hashes, so every file
# is the one locked (torch is the CPU wheel, 2.13.0+cpu, from the find-links in pip's config). The project
# itself goes in editable, built with the locked setuptools; `pip check` fails on a lock that no longer
# covers pyproject.toml (run `make lock`).
define install_lock
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(1)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m pip check
endef

# The serving set: pyproject's dependencies.
$(STAMP): $(PY) $(LOCK) pyproject.toml
	$(call install_lock,$(LOCK))
	touch $@

# The serving set plus the test extra (pytest, llama.cpp's server built from source, ruff, mypy, ...).
$(TEST_STAMP): $(PY) $(TEST_LOCK) pyproject.toml
	$(call install_lock,$(TEST_LOCK))
	touch $@ $(STAMP)

install: $(STAMP)

install-test: $(TEST_STAMP)

serve: $(STAMP)
	$(CLI) serve --feeds $(FEEDS)

test: lint
	$(PY) -m pytest

# The guard rails `make test` runs first: ruff's lint and format check, and mypy (strict on the core packages);
# all configured in pyproject.toml.
lint: $(TEST_STAMP)
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy

# Re-resolves pyproject.toml into the locks with pip-tools (in its own .venv-lock, so .venv holds only the
# locked set), through pip's configured indexes and find-links. Pins already in the locks are kept where
# pyproject still allows them; `make lock UPGRADE=1` moves every package to its newest allowed release.
# The serving lock is resolved within the test lock, so the two agree on every shared package. Takes 10-15 min
# (hashes are gathered for every file of each pinned release).
PIP_COMPILE := .venv-lock/bin/pip-compile
COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(PIP_COMPILE) --quiet --generate-hashes --allow-unsafe \
	--strip-extras --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade)

$(PIP_COMPILE):
	python3 -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade pip
	.venv-lock/bin/python -m pip install --quiet pip-tools==7.6.2

lock: $(PIP_COMPILE)
	$(COMPILE) --extra test --output-file $(TEST_LOCK) pyproject.toml
	$(COMPILE) --constraint $(TEST_LOCK) --output-file $(LOCK) pyproject.toml

clean:
	rm -rf .venv .venv-lock

# The index benchmark (issue 3): writes bench/results/index.{json,md,png}; takes about an hour on 2 cores
# (see bench/index_bench.py).
.PHONY: bench
bench: $(STAMP)
	$(PY) bench/index_bench.py

# The README's screenshots, taken by the browser tests themselves.
.PHONY: screenshots
screenshots: $(TEST_STAMP)
	SCREENSHOTS_DIR=docs/screenshots $(PY) -m pytest tests/test_web.py -q -k "pay_question or brief_for_a_listing or whole_words"

# The web benchmark: answers through a running `career-assistant serve` (needs `make serve`'s snapshot and index).
.PHONY: bench-web
bench-web: $(STAMP)
	$(PY) bench/web_bench.py

# Long fuzzing runs (issue 11): 10,000 inputs per parser, runs of one piece up to 5,000 long, 5 s of CPU an input;
# bench/fuzz.py writes what each parser was tried on, each test's outcome, the commit and a digest of the code
# fuzzed to bench/results/fuzz.json, and prints the counts.
FUZZ_EXAMPLES ?= 10000
FUZZ_JOBS ?= 2  # one pytest process per core: the tests are dealt out between them
.PHONY: fuzz
fuzz: $(TEST_STAMP)
	$(PY) bench/fuzz.py --examples $(FUZZ_EXAMPLES) --run 5000 --deadline 5 --jobs $(FUZZ_JOBS) --out bench/results/fuzz.json

# docs/reliability.md (+ .json, -soak.png) from measurements made by the command itself: SIGKILLs, index
# corruptions, a 10-minute soak of 20 chat sessions against a real `serve`; and fuzzing, quoted from
# bench/results/fuzz.json when `make fuzz` fuzzed exactly this code with >= RELIABILITY_EXAMPLES per parser,
# else run here with RELIABILITY_EXAMPLES.
RELIABILITY_EXAMPLES ?= 10000
SOAK_MINUTES ?= 10
.PHONY: reliability
reliability: $(TEST_STAMP)
	$(PY) bench/reliability.py --examples $(RELIABILITY_EXAMPLES) --fuzz-report bench/results/fuzz.json \
		--soak-minutes $(SOAK_MINUTES) --soak-sessions 20
